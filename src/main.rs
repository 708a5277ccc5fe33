//! The standalone viewer, as built by trunk.

fn main() {
    #[cfg(target_arch = "wasm32")]
    article_viewer::start();
}
