// End-to-end tests of the generated typescript-fetch client against the real stack behind the gateway.
// Run by TypeScriptClientIT (node --test), which starts the stack and sets NEWSGRAPH_URL, NEWSGRAPH_API_KEY and
// NEWSGRAPH_SAMPLE.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
    Analysis, Article, ArticlesApi, Configuration, EntitiesApi, ExtractionApi, FieldError, ProblemFromJSON,
    ResponseError, SearchApi,
} from '../../../target/generated-sources/typescript';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function env(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
}

function configuration(key?: string): Configuration {
    return new Configuration({ basePath: env('NEWSGRAPH_URL'), apiKey: key });
}

function present<T>(value: T | undefined | null, what: string): T {
    assert.ok(value !== undefined && value !== null, `${what} is missing`);
    return value;
}

const config = configuration(env('NEWSGRAPH_API_KEY'));
const [firstLine, ...rest] = readFileSync(env('NEWSGRAPH_SAMPLE'), 'utf8').split('\n');
const title = firstLine.trim();
let article: Article;
let articleId: string;

async function problemOf(call: () => Promise<unknown>): Promise<{ status: number; body: ReturnType<typeof ProblemFromJSON>; type: string }> {
    try {
        await call();
    } catch (e) {
        if (e instanceof ResponseError) {
            return { status: e.response.status, body: ProblemFromJSON(await e.response.json()), type: e.response.headers.get('content-type') ?? '' };
        }
        throw e;
    }
    assert.fail('the call succeeded');
}

before(async () => {
    const response = await new ArticlesApi(config).ingestArticleRaw({
        articleInput: {
            title, body: rest.join('\n').trim(), source: 'chinadaily.com.cn', language: 'en',
            url: 'https://www.chinadaily.com.cn/a/202503/23/WS67df.html', publishedAt: new Date('2025-03-23T12:00:00Z'),
        },
    });
    assert.ok([200, 201].includes(response.raw.status), `status ${response.raw.status}`);
    assert.ok(response.raw.headers.get('x-request-id'));
    article = await response.value();
    articleId = present(article.id, 'id');
});

test('ingest returns the stored article with a UUID id and typed dates', () => {
    assert.match(articleId, UUID);
    assert.equal(article.title, title);
    assert.ok(article.publishedAt instanceof Date);
    assert.equal(present(article.publishedAt, 'publishedAt').toISOString(), '2025-03-23T12:00:00.000Z');
});

test('get article takes the id it was given', async () => {
    const fetched = await new ArticlesApi(config).getArticle({ id: articleId });
    assert.equal(fetched.id, articleId);
    assert.equal(fetched.body, article.body);
});

test('list and search find it', async () => {
    const page = await new ArticlesApi(config).listArticles({ limit: 20, source: 'chinadaily.com.cn' });
    assert.ok(present(page.items, 'items').some(a => a.id === articleId));
    // The search index is fed from the change feed: the article becomes searchable within moments.
    const deadline = Date.now() + 30_000;
    let found = await new SearchApi(config).searchArticles({ q: 'cease-fire', limit: 10 });
    while (!present(found.hits, 'hits').some(h => h.id === articleId) && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 250));
        found = await new SearchApi(config).searchArticles({ q: 'cease-fire', limit: 10 });
    }
    assert.ok(present(found.hits, 'hits').some(h => h.id === articleId));
});

test('analysis and entities through the ids of other answers', async () => {
    const extraction = new ExtractionApi(config);
    const deadline = Date.now() + 60_000;
    let analysis: Analysis | undefined;
    while (analysis === undefined) {
        try {
            analysis = await extraction.getArticleAnalysis({ id: articleId });
        } catch (e) {
            if (!(e instanceof ResponseError) || e.response.status !== 404 || Date.now() > deadline) {
                throw e;
            }
            await new Promise(resolve => setTimeout(resolve, 250));
        }
    }
    assert.equal(analysis.articleId, articleId);
    const witkoff = present(present(analysis.entities, 'entities').find(e => e.name === 'Steve Witkoff'), 'Steve Witkoff');
    const entity = await new EntitiesApi(config).getEntity({ id: present(witkoff.id, 'entity id') });
    assert.equal(entity.name, 'Steve Witkoff');
    assert.equal(entity.type, 'PERSON');
    const people = await new EntitiesApi(config).listEntities({ q: 'Witkoff', type: 'PERSON', limit: 5 });
    assert.ok(present(people.items, 'items').some(p => p.id === witkoff.id));
});

test('an unknown article is a 404 problem', async () => {
    const missing = randomUUID();
    const problem = await problemOf(() => new ArticlesApi(config).getArticle({ id: missing }));
    assert.equal(problem.status, 404);
    assert.equal(problem.type.split(';')[0], 'application/problem+json');
    assert.equal(problem.body.status, 404);
    assert.equal(problem.body.instance, `/api/v1/articles/${missing}`);
});

test('invalid input is a 400 problem naming the field', async () => {
    const problem = await problemOf(() => new ArticlesApi(config).ingestArticle({ articleInput: { title: 'bell \u0007', body: 'Body.' } }));
    assert.equal(problem.status, 400);
    assert.ok(present(problem.body.errors, 'errors').some((error: FieldError) => error.field === 'title'));
});

test('the document patterns compile as ECMA-262 and validate like the server', async () => {
    const document = await (await fetch(`${env('NEWSGRAPH_URL')}/q/openapi?format=json`)).json();
    const input = document.components.schemas.ArticleInput.properties;
    const singleLine = new RegExp(input.title.pattern, 'u');
    assert.ok(singleLine.test('Caf\u00e9 \u{1F600}'));
    assert.ok(!singleLine.test('bell \u0007'));
    assert.ok(!singleLine.test('lone \uD83D surrogate'));
    assert.ok(new RegExp(input.body.pattern, 'u').test('Para one.\n\nPara two.'));
    assert.ok(!new RegExp(input.language.pattern, 'u').test('english'));
});

test('no key is a 401', async () => {
    const problem = await problemOf(() => new ArticlesApi(configuration()).listArticles({ limit: 1 }));
    assert.equal(problem.status, 401);
});
