// What the live blog specs share: documents served by the test server, and
// live blogs made of updates.
import { expect, test } from './no-errors.mjs';

export const updates = (page) => page.locator('.live-blog article.update');

let keys = 0;
// A document served by the test server at a key of its own (with an ETag,
// 304 to a matching If-None-Match, counting requests).
export async function serve(request, doc) {
  const key = `${test.info().testId}-${++keys}`;
  const res = await request.post(`/__test/feed?key=${encodeURIComponent(key)}`, { data: { doc } });
  expect(res.ok()).toBe(true);
  return { key, url: `/__test/feed?key=${encodeURIComponent(key)}` };
}
export const stats = async (request, key) => (await request.get(`/__test/feed-stats?key=${encodeURIComponent(key)}`)).json();

export const update = (id, hhmm, more = {}) => ({
  id, time: `2025-10-15T${hhmm}:00+03:00`, headline: `Update ${id}`,
  body: [{ type: 'paragraph', text: `Text of update ${id}.` }], ...more,
});
export const blog = (list, live = {}, extra = {}) => ({
  schema_version: 1, id: 'lb', lang: 'en-GB', headline: 'A live blog', published: '2025-10-15T09:00:00+03:00',
  standfirst: 'What is happening.', body: [{ type: 'paragraph', text: 'The story so far.' }],
  live_blog: { status: 'live', coverage_start: '2025-10-15T09:00:00+03:00', updates: list, ...live }, ...extra,
});
