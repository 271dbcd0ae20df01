import XCTest

@testable import ReaderCore

final class ByteTextConverterTests: XCTestCase {
  func testInvalidBytesPassThroughAndValidStretchesAreConverted() throws {
    let bytes: [UInt8] = Array("汉字".utf8) + [0xFF, 0xC3] + Array("发".utf8) + [0xE6, 0xB1] + Array("a".utf8)
    let converted = try ByteTextConverter.convert(bytes[...]) { "<\($0)>" }
    XCTAssertEqual(
      converted, Array("<汉字>".utf8) + [0xFF, 0xC3] + Array("<发>".utf8) + [0xE6, 0xB1] + Array("<a>".utf8))
  }

  func testEmptyAndAllInvalidInput() throws {
    XCTAssertEqual(try ByteTextConverter.convert([][...]) { _ in "x" }, [])
    XCTAssertEqual(try ByteTextConverter.convert([0x80, 0xFE][...]) { _ in "x" }, [0x80, 0xFE])
  }

  func testConversionErrorsPropagate() {
    XCTAssertThrowsError(
      try ByteTextConverter.convert(Array("字".utf8)[...]) { (_: String) throws(ConversionError) -> String in
        throw .invalidConfigName("x")
      })
  }
}
