import XCTest

@testable import ReaderCore

/// Frames of documents with links, images and footnotes, at 80x24 and 40x12. Under each frame the
/// snapshot names the text drawn reversed (the selected link), which the rows alone cannot show.
final class LinkSnapshotTests: XCTestCase {
  private func snapshot(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    let body = state.geometry.body
    let reversed = (body.y..<body.y + body.height).map { row in
      frame.rows[row][body.x...].filter { $0.style.contains(.reverse) }.map(\.text).joined()
    }.joined()
    return frame.description + "\nselected: " + reversed + "\n"
  }

  private func state(_ name: String, width: Int, height: Int) throws -> ReaderState {
    let document = try MarkdownFixtures.document(name)
    return press(.tab, on: ReaderState(document: document, size: TerminalSize(width: width, height: height)))
  }

  func testNewsletterWithASelectedLinkAt80x24() throws {
    let shown = press(
      .character("l"), .character("l"), .character("l"),
      on: try state("weekly-newsletter.md", width: 80, height: 24))
    assertSnapshot(snapshot(shown), named: "links-newsletter-80x24")
  }

  func testNewsletterListOfLinksAt40x12() throws {
    var shown = try state("weekly-newsletter.md", width: 40, height: 12)
    for _ in 0..<12 { shown = press(.character("l"), on: shown) }
    assertSnapshot(snapshot(shown), named: "links-newsletter-40x12")
  }

  func testFootnotesAndHTMLAt80x24() throws {
    let shown = press(.character("l"), on: try state("footnotes-and-html.md", width: 80, height: 24))
    assertSnapshot(snapshot(shown), named: "footnotes-html-80x24")
  }

  func testAFootnoteReachedFromItsReferenceAt40x12() throws {
    let shown = press(.character("l"), .enter, on: try state("footnotes-and-html.md", width: 40, height: 12))
    assertSnapshot(snapshot(shown), named: "footnote-note-40x12")
  }
}
