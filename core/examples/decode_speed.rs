//! How fast the core decodes an article whose timeline has 1,000, 10,000
//! and 100,000 entries, natively (the browser's figures are in
//! `tests/bench/bench.mjs`):
//!
//! ```text
//! cargo run --release -p article-core --example decode_speed
//! ```
use std::time::Instant;

fn main() {
    for n in [1_000usize, 10_000, 100_000] {
        let entries: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id": "e{i}", "time": "2025-10-15T{:02}:{:02}:00+03:00", "headline": "Headline number {i} about something", "article": "articles/a{i}.json"}}"#,
                    (i / 60) % 24,
                    i % 60
                )
            })
            .collect();
        let doc = format!(
            r#"{{"schema_version": 1, "id": "a", "lang": "en", "headline": "H", "published": "2025-10-15T11:50:00+03:00", "body": [{{"type": "paragraph", "text": "P"}}], "timeline": {{"title": "T", "entries": [{}]}}}}"#,
            entries.join(",")
        );
        const RUNS: u32 = 5;
        let started = Instant::now();
        for _ in 0..RUNS {
            let article = article_core::article::decode(&doc).expect("a valid article");
            assert_eq!(article.timeline.map(|t| t.entries.len()), Some(n));
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
        println!(
            "{n:>7} entries ({} KB): {ms:.2} ms per decode",
            doc.len() / 1024
        );
    }
}
