import pytest

from tidings.errors import NotAnArticleError
from tidings.textcheck import check_text, decode

LIMITS = {"max_bytes": 10_000, "min_words_for_language_check": 12, "min_english_ratio": 0.12}
ENGLISH = (
    "The foreign ministers of both countries met in Geneva on Monday and agreed to "
    "resume talks on the border dispute, officials said."
)


def test_english_text_passes_unchanged() -> None:
    assert check_text(ENGLISH, **LIMITS) == ENGLISH


def test_short_english_fragment_passes() -> None:
    assert check_text("Putin meets Trump", **LIMITS) == "Putin meets Trump"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\t  ", "empty"),
        ("12345 67890 !!!", "not-english"),
        ("abc\x00def", "binary"),
        (
            "Les ministres des affaires étrangères des deux pays se sont réunis à Genève "
            "lundi et ont convenu de reprendre les négociations sur le différend frontalier.",
            "not-english",
        ),
        (
            "Die Außenminister beider Länder trafen sich am Montag in Genf und vereinbarten, "
            "die Gespräche über den Grenzstreit wieder aufzunehmen, sagten Beamte.",
            "not-english",
        ),
        ("政府 表示 双方 将 在 北京 举行 会谈 " * 3, "not-english"),
        ("word " * 5000, "too-large"),
    ],
)
def test_rejections_carry_a_reason(text: str, reason: str) -> None:
    with pytest.raises(NotAnArticleError) as caught:
        check_text(text, **LIMITS)
    assert caught.value.reason == reason
    assert str(caught.value)


def test_decode_accepts_utf8_with_bom_and_utf16() -> None:
    assert decode("\ufeffHello world".encode(), max_bytes=100) == "Hello world"
    assert decode("Hello world".encode("utf-16"), max_bytes=100) == "Hello world"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"caf\xe9 au lait and more words", "undecodable"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 3, "binary"),
        (b"x" * 101, "too-large"),
    ],
)
def test_decode_rejections(data: bytes, reason: str) -> None:
    with pytest.raises(NotAnArticleError) as caught:
        decode(data, max_bytes=100)
    assert caught.value.reason == reason
