// Long articles scroll inside their box: bring each report's first evidence mark into view.
(function () {
  "use strict";
  document.querySelectorAll("article.report .article-text").forEach((box) => {
    const mark = box.querySelector("mark");
    if (mark && box.scrollHeight > box.clientHeight) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 24);
    }
  });
})();
