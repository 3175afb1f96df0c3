"""The list endpoints' query parameters: `updated_since` (issue 13 row 5),
empty typed filters, `limit` and `cursor` (row 12). The API tests run on the
configured database: SQLite by default, PostgreSQL in CI."""

import base64
import datetime as dt
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from claims.api.query import instant_from_text
from claims.models import Article
from tests import factories
from tests.claims.api.conftest import assert_error

URL = "/api/v1/articles"
UTC = dt.UTC


# ------------------------------------------------------- instant_from_text
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-01T00:00:00Z", dt.datetime(2026, 1, 1, tzinfo=UTC)),
        ("2026-01-01t00:00:00z", dt.datetime(2026, 1, 1, tzinfo=UTC)),
        ("2026-01-01 00:00:00+00:00", dt.datetime(2026, 1, 1, tzinfo=UTC)),
        ("2026-01-01T09:30:00.5+05:30", dt.datetime(2026, 1, 1, 4, 0, 0, 500000, tzinfo=UTC)),
        ("2026-01-01T00:00:00.123456789Z", dt.datetime(2026, 1, 1, 0, 0, 0, 123456, tzinfo=UTC)),
        ("2026-01-01T00:00:00+23:59", dt.datetime(2025, 12, 31, 0, 1, tzinfo=UTC)),
        ("2026-01-01T00:00:00-23:59", dt.datetime(2026, 1, 1, 23, 59, tzinfo=UTC)),
        ("0001-01-01T00:00:00Z", dt.datetime.min.replace(tzinfo=UTC)),
        ("9999-12-31T23:59:59Z", dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        # Past the ends of Python's range once in UTC: clamped to them.
        ("9999-12-31T23:59:59-23:59", dt.datetime.max.replace(tzinfo=UTC)),
        ("0001-01-01T00:00:00+23:59", dt.datetime.min.replace(tzinfo=UTC)),
    ],
)
def test_an_rfc_3339_date_time_is_read_as_its_instant_in_utc(text, expected):
    assert instant_from_text(text) == expected
    assert instant_from_text(text).utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-01-01T00:00:00", "Give the UTC offset"),
        ("2026-01-01", "Give a time and a UTC offset too"),
        ("2026-01-01T00:00:00+24:00", "between -23:59 and +23:59"),
        ("2026-01-01T00:00:00+99:99", "between -23:59 and +23:59"),
        ("2026-01-01T00:00:00 01:00", "%2B"),  # a `+` sent unencoded
        ("2026-13-01T00:00:00Z", "month must be in 1..12"),
        ("2026-01-01T24:00:00Z", "hour must be in 0..23"),
        ("2026-01-01T23:59:60Z", "second must be in 0..59"),
        ("0000-01-01T00:00:00Z", "year 0 is out of range"),
        ("soon", "Give a date-time with its UTC offset"),
        ("", "Give a date-time with its UTC offset"),
        ("2026-01-01T00:00:00Z\n", "Give a date-time with its UTC offset"),
        ("２０２６-01-01T00:00:00Z", "Give a date-time with its UTC offset"),
    ],
)
def test_anything_else_is_refused_with_what_to_send(text, message):
    with pytest.raises(ValueError, match=message.replace("+", r"\+").replace(".", r"\.")):
        instant_from_text(text)


# ------------------------------------------------------- through the API
def _ids(response) -> set[str]:
    assert response.status_code == 200, response.content[:300]
    return {a["id"] for a in response.json()["results"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("since", "listed"),
    [
        ("2026-01-01T00:00:00Z", True),
        ("2026-01-01T00:00:00.000001+23:59", True),
        ("2026-06-01T00:00:00-23:59", False),
        ("2026-06-01T00:00:00+00:00", False),
        ("9999-12-31T23:59:59-23:59", False),
        ("0001-01-01T00:00:00+23:59", True),
        ("0001-01-01T00:00:00Z", True),
    ],
)
def test_updated_since_takes_any_offset_and_year(api_client, since, listed):
    """Offsets past ±15:59 were a 500 from PostgreSQL; 9999-12-31T23:59:59-23:59
    overflows on the way to UTC."""
    article = factories.article()
    Article.objects.filter(pk=article.pk).update(updated_at=dt.datetime(2026, 3, 1, tzinfo=UTC))
    assert (str(article.public_id) in _ids(api_client.get(URL, {"updated_since": since}))) is listed


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("2026-01-01T00:00:00", "Give the UTC offset"),  # was a 500 (timezone.UTC)
        ("2026-01-01", "Give a time and a UTC offset too"),
        ("2026-01-01T00:00:00+24:00", "between -23:59 and +23:59"),
        ("", "Give a date-time"),  # was silently no filter
        ("garbage", "Give a date-time"),
    ],
)
def test_a_bad_updated_since_is_a_400_saying_what_to_send(api_client, since, message):
    factories.article()
    error = assert_error(api_client.get(URL, {"updated_since": since}), 400, "invalid")
    assert message in error["fields"]["updated_since"][0]
    assert Article.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "name"),
    [(URL, "status"), (URL, "story"), ("/api/v1/figures", "article"), ("/api/v1/figures", "kind")],
)
def test_an_empty_typed_filter_is_a_400(api_client, path, name):
    assert set(assert_error(api_client.get(f"{path}?{name}="), 400)["fields"]) == {name}


@pytest.mark.django_db
def test_an_empty_text_filter_is_no_filter(api_client):
    factories.article()
    assert len(_ids(api_client.get(f"{URL}?external_id=&outlet="))) == 1


# ------------------------------------------------------- limit and cursor
@pytest.mark.django_db
@pytest.mark.parametrize("limit", ["null", "0", "-1", "101", "1.5", "", "²", "1e2"])
@pytest.mark.parametrize("path", [URL, "/api/v1/figures"])
def test_a_limit_that_is_not_a_whole_number_from_1_to_100_is_a_400(api_client, path, limit):
    error = assert_error(api_client.get(f"{path}?{urlencode({'limit': limit})}"), 400)
    assert error["fields"] == {"limit": ["Give a whole number from 1 to 100."]}


@pytest.mark.django_db
def test_a_limit_in_range_sets_the_page_size(api_client):
    for i in range(3):
        factories.article(title=f"Article {i}")
    assert len(_ids(api_client.get(URL, {"limit": "2"}))) == 2
    assert len(_ids(api_client.get(URL, {"limit": "100"}))) == 3


def _cursor_of(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "S°õQ",
        "not-base64!",
        _cursor_of("o=-1"),
        _cursor_of("r=x"),
        _cursor_of("p=yesterday"),
        _cursor_of("p=2026-01-01 00:00:00"),  # naive
        _cursor_of("p=2026-01-01 00:00:00+23:59x"),
        _cursor_of("p=2026-01-01\x0000:00:00+00:00"),
    ],
)
@pytest.mark.parametrize("path", [URL, "/api/v1/figures"])
def test_a_bad_cursor_is_a_400_with_a_message(api_client, path, cursor):
    """It was a 404 the schema does not document (or a 500 from the database
    for a crafted position)."""
    error = assert_error(api_client.get(path, {"cursor": cursor}), 400, "invalid")
    assert "Invalid cursor" in error["fields"]["cursor"][0]


@pytest.mark.django_db
def test_a_crafted_cursor_position_with_a_far_offset_reads_like_the_filter(api_client):
    """Positions are parsed like updated_since: +23:59 goes to UTC, not to
    PostgreSQL (which refuses it)."""
    factories.article()
    cursor = _cursor_of(urlencode({"p": "2999-01-01 00:00:00+23:59"}))
    assert len(_ids(api_client.get(URL, {"cursor": cursor}))) == 1


@pytest.mark.django_db
def test_the_next_link_reads_the_next_page(api_client):
    for i in range(3):
        factories.article(title=f"Article {i}")
    first = api_client.get(URL, {"limit": 2}).json()
    cursor = parse_qs(urlsplit(first["next"]).query)["cursor"][0]
    rest = api_client.get(URL, {"limit": 2, "cursor": cursor}).json()
    assert len(rest["results"]) == 1
    assert not {a["id"] for a in first["results"]} & {a["id"] for a in rest["results"]}
