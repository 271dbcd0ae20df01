import EPUBFixtures
import XCTest

@testable import ReaderCore

/// A large book is painted from its first chapters; the rest arrives chapter by chapter (as the
/// viewer's background import hands it over) and ends up the same document a whole import makes.
final class BookGrowthTests: XCTestCase {
  private func bodyText(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    return (0..<frame.height).map { frame.text(ofRow: $0) }.joined(separator: "\n")
  }

  func testTheFirstDocumentHoldsOnlyTheFirstChaptersAndTheRestAppendedIsTheWholeBook() throws {
    let bytes = SampleBooks.manyChapters(count: 40, paragraphs: 20)
    var importer = try EPUBImporter(bytes: bytes)
    let first = importer.firstDocument(fallbackTitle: "long.epub", minimumBlocks: 64)
    // Chapter 1 has 22 top-level blocks (a heading, a link, 20 paragraphs), the others 21.
    XCTAssertEqual(first.blocks.count, 64)
    let firstText = DocumentPrinter.text(of: first, width: 0)
    XCTAssertTrue(firstText.contains("第3回第20段"), firstText)
    XCTAssertFalse(firstText.contains("第4回"), "the fourth chapter is not imported before the first paint")
    XCTAssertTrue(first.declaresOutline, "the package names a table of contents")
    XCTAssertEqual(first.outline.entries, [], "the nav is read after the first paint")
    XCTAssertFalse(importer.isFinished)

    var state = ReaderState(document: first, size: TerminalSize(width: 90, height: 20))
    state = Reducer.reduce(state, .documentGrew(first, loading: importer.fractionImported))
    XCTAssertTrue(bodyText(state).contains("loading 0%"), "the spine is read past its 16th item only later")
    state = press(.character("j"), .character("j"), on: state)
    let place = state.anchor
    var grown = first
    importer.readRest(into: &grown)
    XCTAssertEqual(
      grown.outline.entries.map(\.title), ["第1回", "第2回", "第3回"],
      "the entries of the chapters shown come with the rest of the package")
    XCTAssertEqual(state.focus, .body, "no outline to browse yet")
    let untouched = Reducer.reduce(
      ReaderState(document: first, size: TerminalSize(width: 90, height: 20)),
      .documentGrew(grown, loading: 0.1))
    XCTAssertEqual(untouched.focus, .outline, "the outline takes the focus as a book's first page gives it")
    state = Reducer.reduce(state, .documentGrew(grown, loading: importer.fractionImported))
    XCTAssertTrue(bodyText(state).contains("loading 7%"), "3 chapters of 40: " + bodyText(state))
    XCTAssertEqual(state.anchor, place)
    XCTAssertTrue(bodyText(state).contains("› 第1回"), bodyText(state))
    XCTAssertEqual(state.focus, .body, "not taken from a reader who has moved")
    var chapters = 0
    while importer.appendNextChapter(to: &grown) {
      chapters += 1
      state = Reducer.reduce(
        state, .documentGrew(grown, loading: importer.isFinished ? nil : importer.fractionImported))
      XCTAssertEqual(state.anchor, place, "what is on screen never moves while the book grows")
    }
    XCTAssertEqual(chapters, 37)

    var whole = try EPUBImporter(bytes: bytes)
    let book = try whole.document(fallbackTitle: "long.epub")
    XCTAssertEqual(grown.blocks, book.blocks)
    XCTAssertEqual(grown.outline.entries, book.outline.entries)
    XCTAssertEqual(grown.bookPlaces, book.bookPlaces)
    XCTAssertEqual(book.outline.entries.map(\.title), (1...40).map { "第\($0)回" })
    XCTAssertEqual(state.document.outline.count, 40)
    XCTAssertNil(state.loading)
    XCTAssertFalse(bodyText(state).contains("loading"))
    state = press(.character("G"), on: state)
    XCTAssertTrue(bodyText(state).contains("全書完。"), bodyText(state))
    XCTAssertTrue(bodyText(state).contains("› 第40回"), bodyText(state))
  }

  func testABookWhoseTableOfContentsListsNothingGetsItsHeadingsOnceTheRestIsRead() throws {
    let chapters = (1...20).map { number in
      SampleBooks.Chapter(
        "c\(number).xhtml", SampleBooks.xhtml(title: "第\(number)回", body: "<h2>第\(number)回</h2><p>正文。</p>"))
    }
    let nav = SampleBooks.xhtml(
      title: "目錄", body: "<nav epub:type=\"toc\"><ol><li><a href=\"elsewhere.xhtml\">別處</a></li></ol></nav>")
    let bytes = SampleBooks.book(title: "無目錄", author: "測試", chapters: chapters, nav: nav)
    var importer = try EPUBImporter(bytes: bytes)
    var document = importer.firstDocument(fallbackTitle: "none.epub", minimumBlocks: 4)
    XCTAssertTrue(document.declaresOutline, "a nav is named: expected to be the outline")
    importer.readRest(into: &document)
    XCTAssertFalse(document.declaresOutline)
    XCTAssertEqual(document.outline.entries.map(\.title), ["第1回", "第2回"])
    while importer.appendNextChapter(to: &document) {}
    var whole = try EPUBImporter(bytes: bytes)
    let book = try whole.document(fallbackTitle: "none.epub")
    XCTAssertEqual(document.outline.entries, book.outline.entries)
    XCTAssertEqual(book.outline.entries.count, 20)
  }

  func testABookReadWhereItIsIsTheBookReadWholeAndAFailingReadIsAnError() throws {
    let bytes = SampleBooks.manyChapters(count: 40, paragraphs: 20)
    let inPlace = try ZipArchive(size: bytes.count) { offset, buffer in
      let count = min(buffer.count, bytes.count - offset)
      guard count > 0 else { return 0 }
      bytes.withUnsafeBytes {
        buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count)
      }
      return count
    }
    var importer = try EPUBImporter(archive: inPlace)
    var whole = try EPUBImporter(bytes: bytes)
    let book = try importer.document(fallbackTitle: "long.epub")
    XCTAssertEqual(book.blocks, try whole.document(fallbackTitle: "long.epub").blocks)
    XCTAssertEqual(book.outline.count, 40)
    XCTAssertThrowsError(try ZipArchive(size: bytes.count) { _, _ in -1 }) { error in
      XCTAssertEqual(error as? ZipError, .notAnArchive)
    }
  }

  func testASmallBookIsWholeInItsFirstDocument() throws {
    var importer = try EPUBImporter(bytes: SampleBooks.threeKingdoms())
    let first = importer.firstDocument(fallbackTitle: "sanguo.epub", minimumBlocks: 64)
    XCTAssertTrue(importer.isFinished, "nothing is left for the background")
    XCTAssertEqual(first.blocks, EPUBImporterTests.threeKingdoms.blocks)
  }
}
