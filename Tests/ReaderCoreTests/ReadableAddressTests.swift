import XCTest

@testable import ReaderCore

/// Addresses are shown with their escaped Chinese decoded, and with every escape that a reader
/// could misread or lose kept as it was written.
final class ReadableAddressTests: XCTestCase {
  func testEscapedCharactersOutsideASCIIAreShownAsTheCharacters() {
    XCTAssertEqual(
      ReadableAddress.text(of: "https://zh.wikipedia.org/wiki/%E4%B8%89%E5%9C%8B%E6%BC%94%E7%BE%A9"),
      "https://zh.wikipedia.org/wiki/三國演義")
    XCTAssertEqual(ReadableAddress.text(of: "%E7%AC%AC%E4%B8%80%E5%9B%9E.xhtml#s2"), "第一回.xhtml#s2")
    XCTAssertEqual(ReadableAddress.text(of: "a/%e4%b8%89.md"), "a/三.md", "lower-case digits")
    XCTAssertEqual(ReadableAddress.text(of: "%F0%9F%93%96%E6%9B%B8"), "📖書")
  }

  func testASCIIEscapesAndWhatIsNotAShownCharacterStayEscaped() {
    for address in [
      "docs/a%20b.md", "q?x=%2F%23%25", "https://e.com/%E4%B8", "%FF%FE", "%E4%B8%8", "%", "100%", "%zz",
      "%E2%80%AEevil", "%E3%80%80", "%C2%85", "%E2%80%8B",
    ] {
      XCTAssertEqual(ReadableAddress.text(of: address), address)
    }
    XCTAssertEqual(ReadableAddress.text(of: "%E4%B8%89%0A"), "三%0A", "the line feed's escape stays")
  }

  func testTheSelectedLinksAddressAndThePrintedReferencesAreReadable() throws {
    let document = MarkdownParser().parse(
      "見[三國](https://zh.wikipedia.org/wiki/%E4%B8%89%E5%9C%8B)與[檔](%E7%AC%AC%201.md)。\n", title: "t")
    let printed = DocumentPrinter.text(of: document, width: 0)
    XCTAssertTrue(
      printed.hasSuffix("References:\n[1] https://zh.wikipedia.org/wiki/三國\n[2] 第%201.md\n"), printed)
    let state = press(
      .character("l"),
      on: ReaderState(document: document, size: TerminalSize(width: 80, height: 10), location: "/d/t.md"))
    let status = FrameRenderer.render(state).rows.last.map { $0.map(\.text).joined() } ?? ""
    XCTAssertTrue(status.hasPrefix(" → https://zh.wikipedia.org/wiki/三國"), status)
    // What `y` copies is the address as written, which every program takes.
    let copied = press(.character("y"), on: state)
    XCTAssertEqual(copied.effect, .copyToClipboard("https://zh.wikipedia.org/wiki/%E4%B8%89%E5%9C%8B"))
  }
}
