import EPUBFixtures
import XCTest

@testable import ReaderCore

/// Links inside a book lead to places in the same document: a note in the same chapter, another
/// chapter's section or start; Backspace comes back. Nothing is opened from the disk.
final class BookLinkTests: XCTestCase {
  private func book(_ bytes: [UInt8]) throws -> ReaderState {
    var importer = try EPUBImporter(bytes: bytes)
    let document = try importer.document(fallbackTitle: "book.epub")
    let state = ReaderState(
      document: document, size: TerminalSize(width: 80, height: 12), location: "/books/book.epub")
    return press(.character("o"), .tab, on: state)
  }

  /// The text of the first body row.
  private func top(_ state: ReaderState) -> String {
    state.bodyLayout.lines(from: state.anchor, count: 1).first?.text ?? ""
  }

  private func selectedText(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    let body = state.geometry.body
    return (body.y..<body.y + body.height).map { row in
      frame.rows[row][body.x...].filter { $0.style.contains(.reverse) }.map(\.text).joined()
    }.joined()
  }

  /// Selects the `count`th link from the top of the book and follows it.
  private func follow(link count: Int, in start: ReaderState) -> ReaderState {
    var state = start
    for _ in 0..<count { state = press(.character("l"), on: state) }
    return press(.enter, on: state)
  }

  func testPrintedLinksGetANumberOnlyWhenTheyLeaveTheBook() throws {
    var importer = try EPUBImporter(bytes: SampleBooks.annotated())
    let printed = DocumentPrinter.text(of: try importer.document(fallbackTitle: "book.epub"), width: 0)
    // The note's mark and its way back, a section and the start of another chapter, an anchor
    // that is not there and a picture of the book: nowhere to follow on paper.
    for line in [
      "董卓[1]進京。", "兵器見第二章第三節。", "全文見第二章。", "這裡不存在。", "註一：董卓，東漢末年權臣。返回",
    ] {
      XCTAssertTrue(printed.contains("\n\(line)\n"), "\(line)\n\(printed)")
    }
    XCTAssertTrue(printed.contains("\n看地圖或網站[1]。\n"), printed)
    XCTAssertTrue(printed.hasSuffix("\n\nReferences:\n[1] https://example.com/sanguo\n"), printed)
  }

  func testAFootnoteLinkGoesToTheNoteInTheSameChapterAndBack() throws {
    let start = try book(SampleBooks.annotated())
    let selected = press(.character("l"), on: start)
    XCTAssertEqual(selectedText(selected), "[1]")
    let state = press(.enter, on: selected)
    XCTAssertEqual(top(state), "註一：董卓，東漢末年權臣。返回")
    XCTAssertEqual(state.message, "Backspace goes back")
    XCTAssertNil(state.effect, "nothing is read from the disk")
    let back = press(.backspace, on: state)
    XCTAssertEqual(back.anchor, selected.anchor)
    XCTAssertEqual(selectedText(back), "[1]")
    let returned = follow(link: 1, in: state)
    XCTAssertEqual(top(returned), "董卓[1]進京。", "the note's own link leads back to the reference")
  }

  private func statusLine(_ state: ReaderState) -> String {
    FrameRenderer.render(state).text(ofRow: state.size.height - 1)
  }

  func testASelectedLinkShowsTheTextItLeadsToInPlaceOfTheBooksAddress() throws {
    let start = try book(SampleBooks.annotated())
    var state = press(.character("l"), on: start)
    XCTAssertTrue(statusLine(state).hasPrefix(" → 註一：董卓，東漢末年權臣。返回 "), statusLine(state))
    state = press(.character("l"), on: state)
    XCTAssertTrue(statusLine(state).hasPrefix(" → 第三節　青龍偃月刀 "), statusLine(state))
    state = press(.character("l"), on: state)
    XCTAssertTrue(statusLine(state).hasPrefix(" → 第二章　兵器 "), statusLine(state))
    // No such anchor, a picture, a web address: where they lead, as written.
    state = press(.character("l"), on: state)
    XCTAssertTrue(statusLine(state).hasPrefix(" → ch2.xhtml#nowhere "), statusLine(state))
    state = press(.character("l"), on: state)
    XCTAssertTrue(statusLine(state).hasPrefix(" → ../images/map.png "), statusLine(state))
    state = press(.character("l"), on: state)
    XCTAssertTrue(statusLine(state).hasPrefix(" → https://example.com/sanguo "), statusLine(state))
    state = press(
      .character("t"), .character("t"), .character("L"), .character("L"), .character("L"), .character("L"),
      on: state)
    XCTAssertEqual(state.setting.script, .simplified)
    XCTAssertTrue(statusLine(state).hasPrefix(" → 第三节　青龙偃月刀 "), statusLine(state))
  }

  /// Notes as Duokan's books mark them, the most common way in Chinese EPUBs: a picture inside
  /// the reference, the notes in a list at the chapter's end, each with a mark leading back.
  func testADuokanStyleNoteShowsItsTextWhereItsPictureMarkIsSelected() throws {
    let chapter = SampleBooks.xhtml(
      title: "第一回",
      body: """
        <h1>第一回　甄士隱夢幻識通靈</h1>
        <p>此開卷第一回也<a class="duokan-footnote" href="#df-1" id="dfn-1"><img alt="" src="../Images/note.png"/></a>。</p>
        <ol class="duokan-footnote-content">
        <li class="duokan-footnote-item" id="df-1"><p><a href="#dfn-1">◎</a>開卷：翻開書本，指開始閱讀。</p></li>
        </ol>
        """)
    let start = try book(
      SampleBooks.book(
        title: "紅樓夢", author: "曹雪芹", language: "zh-Hans", chapters: [.init("Text/ch1.xhtml", chapter)]))
    let state = press(.character("l"), on: start)
    XCTAssertTrue(statusLine(state).hasPrefix(" → ◎開卷：翻開書本，指開始閱讀。 "), statusLine(state))
    let back = press(.character("l"), .character("l"), on: press(.enter, on: state))
    XCTAssertEqual(selectedText(back), "◎")
    XCTAssertTrue(statusLine(back).hasPrefix(" → 此開卷第一回也[圖: note.png]。 "), statusLine(back))
  }

  func testLinksToAnotherChapterGoToItsSectionOrItsStart() throws {
    let start = try book(SampleBooks.annotated())
    var state = follow(link: 2, in: start)
    XCTAssertEqual(top(state), "第三節　青龍偃月刀")
    XCTAssertEqual(state.bodyLayout.entryIndex(at: state.anchor), 2)
    XCTAssertNil(state.effect)
    state = press(.character("H"), on: state)
    XCTAssertEqual(top(state), "第一章　註與連結")
    state = follow(link: 3, in: start)
    XCTAssertEqual(top(state), "第二章　兵器", "../text/ch2.xhtml is the same chapter")
    state = follow(link: 4, in: start)
    XCTAssertEqual(top(state), "第二章　兵器")
    XCTAssertEqual(state.message, "no #nowhere in that chapter: at its start")
    XCTAssertEqual(state.history.count, 1)
  }

  func testLinksOutOfTheReadingOrderStayOnTheStatusLine() throws {
    let start = try book(SampleBooks.annotated())
    var state = follow(link: 5, in: start)
    XCTAssertEqual(state.anchor, start.anchor)
    XCTAssertEqual(state.message, "OEBPS/images/map.png is not a chapter of this book: y copies the link")
    state = follow(link: 6, in: start)
    XCTAssertEqual(state.anchor, start.anchor)
    XCTAssertEqual(state.message, "not a file to open here: y copies it")
    XCTAssertNil(state.effect)
  }

  func testALinkIntoAChapterNotYetImportedWaitsForIt() throws {
    let bytes = SampleBooks.manyChapters(count: 40, paragraphs: 20)
    var importer = try EPUBImporter(bytes: bytes)
    var document = importer.firstDocument(fallbackTitle: "long.epub", minimumBlocks: 64)
    var state = ReaderState(document: document, size: TerminalSize(width: 80, height: 12))
    state = Reducer.reduce(state, .documentGrew(document, loading: importer.fractionImported))
    state = follow(link: 1, in: press(.tab, on: state))
    XCTAssertEqual(state.message, "still loading this book: OEBPS/chapter40.xhtml is not read yet")
    XCTAssertEqual(state.anchor, .top)
    while importer.appendNextChapter(to: &document) {}
    state = Reducer.reduce(state, .documentGrew(document, loading: nil))
    state = press(.enter, on: state)
    let shown = state.bodyLayout.lines(from: state.anchor, count: state.geometry.body.height).map(\.text)
    XCTAssertEqual(shown.last, "全書完。", "the end of the book, the last line at the bottom")
    XCTAssertEqual(state.history.count, 1)
  }
}
