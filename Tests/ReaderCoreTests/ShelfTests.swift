import XCTest

@testable import ReaderCore

final class ShelfTests: XCTestCase {
  private let entries = [
    ShelfEntry(title: "未讀的書", path: "/books/unread.epub"),
    ShelfEntry(
      title: "三國演義 — 羅貫中", path: "/books/sanguo.epub", progress: 37, lastRead: 200,
      lastReadLabel: "2026-12-02 15:30"),
    ShelfEntry(
      title: "西游记 — 吴承恩", path: "/books/xiyou.epub", progress: 100, lastRead: 300,
      lastReadLabel: "2026-12-02 16:00"),
    ShelfEntry(
      title: "舊筆記", path: "/notes/old.md", progress: 5, lastRead: 100, lastReadLabel: "2026-11-30 09:00",
      isMissing: true),
  ]

  private func shelf(removes: Bool = true, width: Int = 80) -> ShelfState {
    ShelfState(
      heading: "書架 shelf", entries: entries, size: TerminalSize(width: width, height: 8),
      forgettingRemoves: removes)
  }

  private func rows(_ state: ShelfState) -> [String] {
    let frame = ShelfRenderer.render(state)
    return (0..<frame.height).map { frame.text(ofRow: $0) }
  }

  func testAFoldersListHasItsFoldersFirstTheWayUpAtTheTopAndChoosesWhatItHolds() {
    let folders = [
      ShelfEntry(title: ShelfState.parentTitle, path: "/books", isFolder: true),
      ShelfEntry(title: "金庸/", path: "/books/all/金庸", isFolder: true),
    ]
    var state = ShelfState(
      heading: "folder /books/all", entries: folders + entries, size: TerminalSize(width: 80, height: 10),
      forgettingRemoves: false)
    let screen = rows(state)
    XCTAssertEqual(screen[0].trimmingCharacters(in: .whitespaces), "folder /books/all · 4 documents")
    XCTAssertTrue(screen[2].hasPrefix(" ../ "), screen[2])
    XCTAssertTrue(screen[3].hasPrefix(" 金庸/ "), screen[3])
    XCTAssertFalse(screen[3].contains("—"), "a folder has no progress: \(screen[3])")
    XCTAssertTrue(screen[4].hasPrefix(" 西游记 — 吴承恩"), "then the documents, the last read first")
    XCTAssertEqual(state.selection, 1, "the first folder in it is chosen, not the way up")
    state = state.pressing(.character("d"))
    XCTAssertNil(state.forgotten, "a folder has no place to forget")
    state = state.pressing(.enter)
    XCTAssertEqual(state.chosen?.path, "/books/all/金庸")
    XCTAssertEqual(state.chosen?.isFolder, true)
    state = state.pressing(.up).pressing(.enter)
    XCTAssertEqual(state.chosen?.path, "/books")
  }

  func testATitleReadLaterTakesTheFileNamesPlaceAndCannotBreakItsRow() {
    let state = shelf().retitled(["/books/unread.epub": "紅樓夢\u{1B}[2J — 曹雪芹\n", "/elsewhere.epub": "x"])
    XCTAssertEqual(state.entries.map(\.title).last, "紅樓夢␛[2J — 曹雪芹␊")
    XCTAssertEqual(state.entries.map(\.path), shelf().entries.map(\.path), "the order stays")
    for row in rows(state) { XCTAssertEqual(DisplayWidth.of(row), 80, row) }
  }

  func testMostRecentFirstThenTheUnreadWithProgressDateAndMissingFiles() {
    let screen = rows(shelf())
    XCTAssertEqual(screen[0].trimmingCharacters(in: .whitespaces), "書架 shelf · 4 documents")
    XCTAssertTrue(screen[2].hasPrefix(" 西游记 — 吴承恩"))
    XCTAssertTrue(screen[2].contains("100% 2026-12-02 16:00  /books/xiyou.epub"), screen[2])
    XCTAssertTrue(screen[3].contains(" 37% 2026-12-02 15:30"), screen[3])
    XCTAssertTrue(screen[4].contains("missing 2026-11-30 09:00"), screen[4])
    XCTAssertTrue(screen[5].contains("未讀的書") && screen[5].contains("—"), screen[5])
    for row in screen { XCTAssertEqual(DisplayWidth.of(row), 80, row) }
  }

  func testEnterChoosesDForgetsAndAMissingFileIsNotOpened() {
    var state = shelf().pressing(.enter)
    XCTAssertEqual(state.chosen?.path, "/books/xiyou.epub")
    state = state.pressing(.character("j")).pressing(.character("j")).pressing(.enter)
    XCTAssertNil(state.chosen)
    XCTAssertEqual(state.message, "missing: the file is no longer there (d forgets it)")
    state = state.pressing(.character("d"))
    XCTAssertEqual(state.forgotten?.path, "/notes/old.md")
    XCTAssertEqual(
      state.entries.map(\.path), ["/books/xiyou.epub", "/books/sanguo.epub", "/books/unread.epub"])
    XCTAssertEqual(state.selection, 2)
    state = state.pressing(.character("q"))
    XCTAssertFalse(state.isRunning)
  }

  func testInAFolderDForgetsTheProgressButKeepsTheFileListed() {
    let state = shelf(removes: false).pressing(.character("d"))
    XCTAssertEqual(state.entries.count, 4)
    XCTAssertNil(state.entries[0].progress)
    XCTAssertEqual(state.forgotten?.path, "/books/xiyou.epub")
  }

  func testBInAFoldersListAsksForTheShelfAndItsStatusLineSaysSo() {
    let folder = shelf(removes: false, width: 100)
    XCTAssertFalse(folder.asksForShelf)
    let asked = folder.pressing(.character("B"))
    XCTAssertTrue(asked.asksForShelf)
    XCTAssertTrue(asked.isRunning)
    XCTAssertNil(asked.chosen)
    XCTAssertFalse(asked.pressing(.down).asksForShelf, "asked once, by that key")
    XCTAssertTrue(rows(folder)[7].contains("/ filter · B the shelf"), rows(folder)[7])
    let onTheShelf = shelf(removes: true, width: 100)
    XCTAssertFalse(onTheShelf.pressing(.character("B")).asksForShelf, "the shelf is already shown")
    XCTAssertFalse(rows(onTheShelf)[7].contains("B "), rows(onTheShelf)[7])
  }

  private func typing(_ text: String, on state: ShelfState) -> ShelfState {
    text.reduce(state) { $0.pressing(.character($1)) }
  }

  func testSlashFiltersByTitleOrPathInEitherScriptAndAnyCase() {
    let filtering = shelf(width: 100).pressing(.character("/"))
    XCTAssertEqual(filtering.filterQuery, "")
    XCTAssertEqual(filtering.entries.count, 4, "nothing typed leaves them all")
    XCTAssertTrue(rows(filtering)[7].hasPrefix(" /▏"), rows(filtering)[7])
    let sanguo = typing("三国", on: filtering)
    XCTAssertEqual(sanguo.entries.map(\.path), ["/books/sanguo.epub"], "三国 finds 三國演義")
    XCTAssertTrue(rows(sanguo)[0].contains("1 document"), rows(sanguo)[0])
    XCTAssertTrue(rows(sanguo)[7].hasPrefix(" /三国▏"), rows(sanguo)[7])
    XCTAssertEqual(typing("XIYOU", on: filtering).entries.map(\.title), ["西游记 — 吴承恩"], "by path, any case")
    XCTAssertEqual(typing("吳承恩", on: filtering).entries.map(\.title), ["西游记 — 吴承恩"])
    let nothing = typing("紅樓", on: filtering)
    XCTAssertTrue(nothing.entries.isEmpty)
    XCTAssertTrue(rows(nothing)[2].contains("no title or path holds it"), rows(nothing)[2])
    XCTAssertNil(nothing.pressing(.enter).chosen)
    XCTAssertEqual(
      nothing.pressing(.backspace).pressing(.backspace).entries.count, 4, "Backspace widens it again")
  }

  func testWhileTheFilterIsTypedLettersAreTypedEnterOpensAndEscShowsAllAgain() {
    let typed = typing("/qdbooks", on: shelf(width: 100))
    XCTAssertTrue(typed.isRunning, "q is typed, not quit")
    XCTAssertNil(typed.forgotten, "d is typed, not forget")
    XCTAssertEqual(typed.filterQuery, "qdbooks")
    let books = typing("/books", on: shelf(width: 100)).pressing(.down)
    XCTAssertEqual(books.entries.count, 3, "the three under /books")
    XCTAssertEqual(books.pressing(.enter).chosen?.path, books.entries[1].path, "Enter opens the one chosen")
    let cleared = books.pressing(.escape)
    XCTAssertNil(cleared.filterQuery)
    XCTAssertEqual(cleared.entries.count, 4)
    XCTAssertEqual(cleared.entries[cleared.selection].path, books.entries[1].path, "still chosen")
    XCTAssertTrue(rows(cleared)[7].contains("Enter open"), rows(cleared)[7])
    let missing = typing("/舊筆記", on: shelf(width: 100)).pressing(.enter)
    XCTAssertNil(missing.chosen)
    XCTAssertEqual(missing.message, "missing: the file is no longer there (d forgets it)")
  }

  func testATitleReadWhileFilteringIsFoundByTheFilter() {
    let filtering = shelf(width: 100).pressing(.character("/"))
    let retitled = filtering.retitled(["/books/unread.epub": "紅樓夢 — 曹雪芹"])
    XCTAssertEqual(typing("红楼", on: retitled).entries.map(\.path), ["/books/unread.epub"])
  }

  func testAnEmptyShelfAndATinyTerminalDrawWithoutSpilling() {
    let empty = ShelfState(
      heading: "書架", entries: [], size: TerminalSize(width: 30, height: 6), forgettingRemoves: true)
    XCTAssertTrue(rows(empty)[2].contains("nothing here yet"))
    XCTAssertEqual(empty.pressing(.enter).chosen, nil)
    XCTAssertEqual(empty.pressing(.character("d")).forgotten, nil)
    for width in [1, 5, 19, 20, 21, 33] {
      for row in rows(shelf(width: width).resized(to: TerminalSize(width: width, height: 5))) {
        XCTAssertLessThanOrEqual(DisplayWidth.of(row), width)
      }
    }
    XCTAssertEqual(ShelfRenderer.keepingEnd("/a/very/long/path/三國.epub", 12), "…h/三國.epub")
  }
}

extension ShelfTests {
  func testTheShelfSpeaksTheInterfaceLanguage() {
    for (language, count, missing, keys) in [
      (InterfaceLanguage.traditionalChinese, "4 份文件", "不存在", "Enter 開啟 · d 忘記 · q Esc 離開 · / 篩選"),
      (.simplifiedChinese, "4 个文档", "不存在", "Enter 打开 · d 忘记 · q Esc 退出 · / 筛选"),
    ] {
      let state = ShelfState(
        heading: "書架", entries: entries, size: TerminalSize(width: 80, height: 8), forgettingRemoves: true,
        language: language)
      let screen = rows(state)
      XCTAssertTrue(screen[0].contains("書架 · " + count), screen[0])
      XCTAssertTrue(screen[4].contains(missing + " 2026-11-30 09:00"), screen[4])
      XCTAssertTrue(screen[7].contains(keys), screen[7])
      for row in screen { XCTAssertEqual(DisplayWidth.of(row), 80, row) }
      let pressed = state.pressing(.character("j")).pressing(.character("j")).pressing(.enter)
      XCTAssertEqual(pressed.message, Message.missingFile.text(in: language))
      XCTAssertTrue(rows(pressed)[7].contains(pressed.message ?? "-"))
    }
  }
}
