import XCTest

@testable import ReaderCore

/// A folder's files are listed as a file manager lists them: numbers by value.
final class FileNameOrderTests: XCTestCase {
  /// Both ways of ordering, which must agree: the one the listing calls and the comparison.
  private func sorted(_ names: [String]) -> [String] {
    let listed = FileNameOrder.sorted(names)
    XCTAssertEqual(listed, names.sorted(by: FileNameOrder.precedes))
    return listed
  }

  func testChapterFilesAreListedInReadingOrder() {
    XCTAssertEqual(
      sorted(["第10章.txt", "第2章.txt", "第11章.txt", "第1章.txt"]), ["第1章.txt", "第2章.txt", "第10章.txt", "第11章.txt"])
    XCTAssertEqual(
      sorted(["第十回.md", "第二回.md", "第一百回.md", "第九回.md", "第十一回.md"]),
      ["第二回.md", "第九回.md", "第十回.md", "第十一回.md", "第一百回.md"])
    XCTAssertEqual(sorted(["第１０章", "第２章"]), ["第２章", "第１０章"])
    XCTAssertEqual(
      sorted(["part-10.md", "part-9.md", "part-1.md"]), ["part-1.md", "part-9.md", "part-10.md"])
  }

  func testNumbersComeBeforeTextAndEqualNumbersKeepAnOrder() {
    XCTAssertEqual(sorted(["b10.md", "a.md", "b2.md", "1.md"]), ["1.md", "a.md", "b2.md", "b10.md"])
    XCTAssertEqual(sorted(["2.md", "02.md", "1.md"]), ["1.md", "02.md", "2.md"])
    XCTAssertEqual(sorted(["abc.md", "ab.md", "ab"]), ["ab", "ab.md", "abc.md"])
    XCTAssertEqual(
      sorted(["一二三木頭人.md", "一.md"]), ["一.md", "一二三木頭人.md"], "a numeral run that is no number is text")
  }

  /// A total order: every shuffle sorts alike, and nothing precedes itself.
  func testTheOrderIsTheSameWhateverTheNamesCameIn() {
    let names = [
      "第10章.txt", "第2章.txt", "第十回.md", "第二回.md", "part-10.md", "part-9.md", "a.md", "1.md", "01.md",
      "b10.md", "b2.md", "ab", "ab.md", "第１０章", "序.md", "後記.txt", "99999999999999999999.md", "",
    ]
    let once = sorted(names)
    var random = SeededGenerator(seed: 7)
    for _ in 0..<200 {
      XCTAssertEqual(sorted(names.shuffled(using: &random)), once)
    }
    for name in names {
      XCTAssertFalse(FileNameOrder.precedes(name, name), name)
    }
  }
}
