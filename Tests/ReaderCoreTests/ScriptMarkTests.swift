import XCTest

@testable import ReaderCore

/// Outline marks (简/繁) and the status line's count say only what the other view would really
/// convert: characters normal in both scripts (台, 后, 于, 里, 干, 征 …) are no evidence.
final class ScriptMarkTests: XCTestCase {
  private func detected(_ document: Document) -> ReaderState {
    let state = ReaderState(document: document, size: TerminalSize(width: 100, height: 30))
    state.conversions.detectScripts()
    return state
  }

  private func marks(_ state: ReaderState) -> [Int: String] {
    ScriptMarks.marks(for: state, entries: 0..<state.document.outline.entries.count)
  }

  private func statusLine(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    return frame.text(ofRow: frame.height - 1)
  }

  func testATraditionalClassicGetsNoMarks() throws {
    let classic = FixtureDocuments.journeyToTheWest
    XCTAssertEqual(classic.outline.entries.count, 4, classic.title)
    let state = detected(classic)
    XCTAssertEqual(state.conversions.documentScripts?.dominant, .traditional)
    XCTAssertEqual(marks(state), [:])
    XCTAssertEqual(state.conversions.documentScripts?.simplifiedSentences, 0)
    XCTAssertFalse(statusLine(state).contains("句简体"), statusLine(state))
    // The trap the fixture holds: sentences whose only evidence is 里, 干, 征, 斗 …, which counting
    // every character OpenCC converts would call Simplified.
    var trap: [String] = []
    for block in classic.blocks {
      guard case .paragraph(let runs) = block.kind else { continue }
      for sentence in try ScriptDetector.shared.sentences(in: runs.plainText)
      where sentence.evidence.simplified > sentence.evidence.traditional {
        trap.append(sentence.text)
        XCTAssertEqual(sentence.evidence.distinctScript, .neutral, sentence.text)
      }
    }
    XCTAssertGreaterThanOrEqual(trap.count, 3, "\(trap)")
  }

  func testTheClassicsSharedCharactersAreNotConvertedInTheTraditionalView() throws {
    let classic = FixtureDocuments.journeyToTheWest
    let converted = try ScriptConverter.shared.convert(classic, to: .traditional)
    XCTAssertEqual(DocumentPrinter.text(of: converted, width: 0), DocumentPrinter.text(of: classic, width: 0))
  }

  func testASectionWithOneSimplifiedParagraphGetsOneMark() {
    let text = FixtureDocuments.text("journey-to-the-west.md").replacingOccurrences(
      of: "## 第三回",
      with: "编者按：这一回写悟空学艺归来，读者可以留意他怎么一步步建立自己的队伍。\n\n## 第三回")
    let state = detected(MarkdownParser().parse(text, title: "journey"))
    let entries = state.document.outline.entries
    XCTAssertEqual(marks(state), [2: "简"], "\(entries.map(\.title))")
    XCTAssertTrue(entries[2].title.hasPrefix("第二回"))
    XCTAssertEqual(state.conversions.documentScripts?.simplifiedSentences, 1)
    XCTAssertTrue(statusLine(state).contains("1 句简体 · Original"), statusLine(state))
  }

  func testTheArticleMarksItsSimplifiedSectionsAndCountsTheirSentences() {
    let state = detected(Fixtures.article)
    XCTAssertEqual(marks(state).keys.sorted(), [4, 9, 10])
    let count = state.conversions.documentScripts?.simplifiedSentences ?? 0
    XCTAssertEqual(count, 11)
    XCTAssertTrue(statusLine(state).contains("11 句简体 · Original"), statusLine(state))
    let traditional = press(.character("t"), on: state)
    XCTAssertFalse(statusLine(traditional).contains("句简体"), "only the text as written shows the count")
  }

  func testASimplifiedDocumentMarksItsTraditionalSection() {
    let state = detected(FixtureDocuments.simplifiedNewsletter)
    let entries = state.document.outline.entries
    let marked = marks(state)
    XCTAssertEqual(marked.count, 1, "\(marked)")
    XCTAssertEqual(marked.first.map { entries[$0.key].title }, "台北来稿")
    XCTAssertEqual(marked.first?.value, "繁")
    XCTAssertTrue(statusLine(state).contains("2 句繁體 · Original"), statusLine(state))
  }
}
