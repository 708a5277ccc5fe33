//! The standalone viewer, as built by trunk.

fn main() {
    article_viewer::start();
}
