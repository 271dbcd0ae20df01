import ReaderAssets
import ReaderCore

/// Documents shared by the tests.
enum Fixtures {
  static let articleText = String(decoding: BundledArticle.bytes, as: UTF8.self)
  static let article = MarkdownParser().parse(articleText, title: BundledArticle.name)
}

/// The state after pressing `keys` one after another, as the run loop would reduce them.
func press(_ keys: Key..., on start: ReaderState) -> ReaderState {
  keys.reduce(start) { Reducer.reduce($0, .key($1)) }
}
