import XCTest

@testable import ReaderCore

/// The text of a markup element: white space collapsed as Unicode defines it, but for the
/// ideographic and no-break spaces, which are text.
final class MarkupTextTests: XCTestCase {
  func testTheCollapsedSpacesAreUnicodesWhiteSpaceButTheIdeographicAndNoBreakSpaces() {
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected = scalar.properties.isWhitespace && value != 0x3000 && value != 0xA0
      XCTAssertEqual(MarkupElement.collapsedSpace(value), expected, String(value, radix: 16))
    }
  }

  func testRunsOfWhiteSpaceBecomeOneSpaceAndTheEndsAreTrimmed() {
    let element = MarkupElement(
      name: "a",
      children: [
        .text("\n  第一回\u{2003}\t宴桃園"), .element(MarkupElement(name: "b", children: [.text("\u{3000}三結義 ")])),
      ])
    XCTAssertEqual(element.text, "第一回 宴桃園\u{3000}三結義")
  }

  func testTheDeclaredEncodingIsFoundInTheFirstKilobyteWhateverItsCase() {
    XCTAssertEqual(
      MarkupParser.declaredEncoding(Array("<?xml version=\"1.0\" encoding=\"GBK\"?><html/>".utf8)), "gbk")
    XCTAssertEqual(
      MarkupParser.declaredEncoding(Array("<html><head><META CHARSET='Big5-HKSCS'>".utf8)), "big5-hkscs")
    XCTAssertNil(MarkupParser.declaredEncoding(Array("<html><body>編碼=encoding</body></html>".utf8)))
    XCTAssertNil(
      MarkupParser.declaredEncoding(Array((String(repeating: " ", count: 1024) + "charset=gbk").utf8)))
  }
}
