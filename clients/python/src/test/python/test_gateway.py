"""End-to-end tests of the generated Python client against the real stack behind the gateway.

Run by PythonClientIT, which starts the stack and sets NEWSGRAPH_URL, NEWSGRAPH_API_KEY and NEWSGRAPH_SAMPLE.
"""
import os
import time
import unittest
import uuid

import pydantic

import newsgraph_client as ng
from newsgraph_client.exceptions import ApiException


def client(key):
    configuration = ng.Configuration(host=os.environ["NEWSGRAPH_URL"])
    if key is not None:
        configuration.api_key["ApiKey"] = key
    return ng.ApiClient(configuration)


API = client(os.environ["NEWSGRAPH_API_KEY"])


def sample():
    with open(os.environ["NEWSGRAPH_SAMPLE"], encoding="utf-8") as f:
        text = f.read()
    title, _, body = text.partition("\n")
    return title.strip(), body.strip()


class GatewayTest(unittest.TestCase):
    article = None

    @classmethod
    def setUpClass(cls):
        title, body = sample()
        response = ng.ArticlesApi(API).ingest_article_with_http_info(article_input=ng.ArticleInput(
            title=title, body=body, source="chinadaily.com.cn", language="en",
            url="https://www.chinadaily.com.cn/a/202503/23/WS67df.html", published_at="2025-03-23T12:00:00Z"))
        assert response.status_code in (200, 201), response.status_code
        cls.article = response.data
        cls.headers = response.headers

    def test_ingest_returns_the_stored_article_with_a_uuid(self):
        self.assertIsInstance(self.article.id, uuid.UUID)
        self.assertEqual(sample()[0], self.article.title)
        self.assertEqual("en", self.article.language)
        self.assertIn("X-Request-Id", self.headers)

    def test_get_article_takes_the_id_it_was_given(self):
        fetched = ng.ArticlesApi(API).get_article(self.article.id)
        self.assertEqual(self.article.id, fetched.id)
        self.assertEqual(self.article.body, fetched.body)

    def test_list_and_search_find_it(self):
        page = ng.ArticlesApi(API).list_articles(limit=20, source="chinadaily.com.cn")
        self.assertIn(self.article.id, [a.id for a in page.items])
        # The search index is fed from the change feed: the article becomes searchable within moments.
        deadline = time.monotonic() + 30
        while True:
            hits = ng.SearchApi(API).search_articles(q="cease-fire", limit=10).hits
            if self.article.id in [h.id for h in hits] or time.monotonic() > deadline:
                break
            time.sleep(0.25)
        self.assertIn(self.article.id, [h.id for h in hits])

    def test_analysis_and_entities_through_ids_of_other_answers(self):
        extraction = ng.ExtractionApi(API)
        deadline = time.monotonic() + 60
        while True:
            try:
                analysis = extraction.get_article_analysis(self.article.id)
                break
            except ApiException as e:
                if e.status != 404 or time.monotonic() > deadline:
                    raise
                time.sleep(0.25)
        self.assertEqual(self.article.id, analysis.article_id)
        witkoff = next(e for e in analysis.entities if e.name == "Steve Witkoff")
        entity = ng.EntitiesApi(API).get_entity(witkoff.id)
        self.assertEqual("Steve Witkoff", entity.name)
        self.assertEqual("PERSON", entity.type)
        people = ng.EntitiesApi(API).list_entities(q="Witkoff", type="PERSON", limit=5).items
        self.assertIn(witkoff.id, [p.id for p in people])

    def test_unknown_article_is_a_404_problem(self):
        missing = uuid.uuid4()
        with self.assertRaises(ApiException) as raised:
            ng.ArticlesApi(API).get_article(missing)
        self.assertEqual(404, raised.exception.status)
        self.assertEqual("application/problem+json", raised.exception.headers["Content-Type"].split(";")[0])
        problem = ng.Problem.from_json(raised.exception.body)
        self.assertEqual(404, problem.status)
        self.assertEqual(f"/api/v1/articles/{missing}", problem.instance)

    def test_the_document_patterns_validate_in_python(self):
        with self.assertRaises(pydantic.ValidationError):
            ng.ArticleInput(title="bell \u0007 in a title", body="Body.")
        with self.assertRaises(pydantic.ValidationError):
            ng.ArticleInput(title="Title", body="Body.", language="english")
        self.assertEqual("Caf\u00e9 \U0001F600", ng.ArticleInput(title="Caf\u00e9 \U0001F600", body="Body.").title)

    def test_the_server_refuses_what_the_patterns_forbid(self):
        # Built without the client's own validation: the server answers 400 with a problem naming the field.
        invalid = ng.ArticleInput.model_construct(title="bell \u0007", body="Body.")
        with self.assertRaises(ApiException) as raised:
            ng.ArticlesApi(API).ingest_article(article_input=invalid)
        self.assertEqual(400, raised.exception.status)
        problem = ng.Problem.from_json(raised.exception.body)
        self.assertIn("title", [error.var_field for error in problem.errors])

    def test_no_key_is_a_401(self):
        with self.assertRaises(ApiException) as raised:
            ng.ArticlesApi(client(None)).list_articles(limit=1)
        self.assertEqual(401, raised.exception.status)


if __name__ == "__main__":
    unittest.main(verbosity=2)
