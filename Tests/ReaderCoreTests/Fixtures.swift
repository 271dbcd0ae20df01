import Foundation
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

/// `query` searched for as a reader does it: `/`, the query typed, then Enter once the index is built.
func searching(_ query: String, on start: ReaderState) throws -> ReaderState {
  var state = press(.character("/"), on: start)
  for character in query { state = Reducer.reduce(state, .key(.character(character))) }
  _ = try state.searchIndexes.index(for: state.setting)
  return press(.enter, on: Reducer.reduce(state, .refreshSearch))
}

/// Documents kept as files under `Tests/Fixtures/documents`, parsed as the reader parses them.
enum FixtureDocuments {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/documents")

  /// A Simplified reading newsletter (什么, 这么, 抬头 throughout) with one quoted Traditional letter.
  static let simplifiedNewsletter = document("simplified-newsletter.md")

  /// Three chapters of 西遊記 in Traditional characters (public domain), with the characters
  /// normal in both scripts (里, 干, 征, 斗) that a naive detector takes for Simplified.
  static let journeyToTheWest = document("journey-to-the-west.md")

  static func document(_ name: String) -> Document {
    let url = directory.appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else {
      return Document(title: "missing fixture \(url.path)", blocks: [])
    }
    return MarkdownParser().parse(text(name), title: name)
  }

  static func text(_ name: String) -> String {
    let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
