import XCTest

@testable import ReaderCore

/// A Simplified document keeps its Simplified text as written in every view that is not
/// Traditional: OpenCC's Taiwan variant table would turn 什么 into 什幺 and 抬头 into 擡头.
final class SimplifiedDocumentTests: XCTestCase {
  let document = FixtureDocuments.simplifiedNewsletter

  private func bodyText(_ script: DisplayScript) -> String {
    let conversions = ConversionCache(document: document)
    let shown = Document(
      title: document.title,
      blocks: document.blocks.indices.map { conversions.block($0, .init(script: script)) })
    return DocumentPrinter.text(of: shown, width: 0)
  }

  private func count(_ word: String, in text: String) -> Int {
    text.components(separatedBy: word).count - 1
  }

  func testTheFixtureIsASimplifiedDocumentWithOneTraditionalLetter() throws {
    XCTAssertFalse(document.blocks.isEmpty, document.title)
    let scripts = try ScriptDetector.shared.scripts(of: document)
    XCTAssertEqual(scripts.dominant, .simplified)
    XCTAssertEqual(scripts.blockScripts.filter { $0 == .traditional }.count, 1)
  }

  func testTheSimplifiedViewShowsSimplifiedSentencesExactlyAsWritten() {
    let original = bodyText(.original)
    let simplified = bodyText(.simplified)
    for word in ["什么", "这么", "抬头"] {
      XCTAssertGreaterThan(count(word, in: original), 1, word)
      XCTAssertEqual(count(word, in: simplified), count(word, in: original), word)
    }
    XCTAssertFalse(simplified.contains("幺"))
    XCTAssertFalse(simplified.contains("擡"))
    // Every line but the Traditional letter is unchanged; the letter is converted.
    let changed = zip(original.split(separator: "\n"), simplified.split(separator: "\n")).filter { $0 != $1 }
    XCTAssertEqual(changed.count, 1)
    XCTAssertEqual(
      changed.first.map { String($0.1) },
      "│ 我在台北的二手书店里找到一本三十年前的旧书，扉页上写着前一位主人的名字。"
        + "读完之后，我把它放回书架，希望下一个人也能发现这个小小的秘密。")
  }

  func testTheTraditionalViewStillConvertsTheSimplifiedText() {
    let traditional = bodyText(.traditional)
    XCTAssertEqual(count("什麼", in: traditional), count("什么", in: bodyText(.original)))
    XCTAssertTrue(traditional.contains("抬頭"))
    XCTAssertTrue(traditional.contains("我在台北的二手書店裡找到一本三十年前的舊書"), "the letter as written")
  }

  func testTheOutlineInTheSimplifiedViewIsAsWritten() {
    let conversions = ConversionCache(document: document)
    let titles = document.outline.entries.indices.map {
      conversions.title(ofEntry: $0, .init(script: .simplified))
    }
    XCTAssertEqual(titles, document.outline.entries.map(\.title))
    XCTAssertTrue(titles.contains("这么多书，先读什么？"))
  }

  func testTheSimplifiedScreenShowsTheSimplifiedWords() {
    let start = ReaderState(document: document, size: TerminalSize(width: 100, height: 30))
    let simplified = press(.character("t"), .character("t"), on: start)
    XCTAssertEqual(simplified.setting.script, .simplified)
    let frame = FrameRenderer.render(simplified)
    let screen = (0..<frame.height).map { frame.text(ofRow: $0) }.joined(separator: "\n")
    XCTAssertTrue(screen.contains("这么多书，先读什么？"))
    XCTAssertTrue(screen.contains("先读让你抬头的那一本"))
    XCTAssertFalse(screen.contains("幺"))
  }

  func testSearchInTheSimplifiedViewFindsAndShowsTheWordsAsWritten() throws {
    let conversions = ConversionCache(document: document)
    let setting = ConversionCache.Setting(script: .simplified)
    let index = try SearchIndexCache(conversions: conversions).index(for: setting)
    let shown = Document(
      title: document.title, blocks: document.blocks.indices.map { conversions.block($0, setting) })
    let leaves = Dictionary(uniqueKeysWithValues: LeafText.leaves(of: shown).map { ($0.blockID, $0.text) })
    for word in ["什么", "这么", "抬头"] {
      let results = index.results(for: word)
      XCTAssertEqual(results.count, count(word, in: bodyText(.original)), word)
      for match in results.matches {
        let runs = [InlineRun(leaves[match.leafID] ?? "")]
        let clusters = Cluster.clusters(of: runs)
        XCTAssertEqual(Cluster.text(of: clusters[match.clusters], in: runs), word)
      }
    }
  }
}
