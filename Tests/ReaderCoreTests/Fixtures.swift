import ReaderAssets
import ReaderCore

/// Documents shared by the tests.
enum Fixtures {
  static let articleText = String(decoding: BundledArticle.bytes, as: UTF8.self)
  static let article = MarkdownParser().parse(articleText, title: BundledArticle.name)
}
