import EPUBFixtures
import Foundation
import XCTest

@testable import ReaderCore

final class EPUBImporterTests: XCTestCase {
  static let threeKingdoms = try! EPUBImporterTests.document(SampleBooks.threeKingdoms())
  static let journey = try! EPUBImporterTests.document(SampleBooks.journeyToTheWest())

  static func document(_ bytes: [UInt8], limits: ZipArchive.Limits = .standard) throws -> Document {
    var importer = try EPUBImporter(bytes: bytes, limits: limits)
    return try importer.document(fallbackTitle: "book.epub")
  }

  private func leaves(_ blocks: some Sequence<Block>) -> [Block] {
    blocks.flatMap { $0.children.isEmpty ? [$0] : leaves($0.children) }
  }

  private func block(withID id: Int, in document: Document) -> Block? {
    leaves(document.blocks).first { $0.id == id }
  }

  private func screen(_ state: ReaderState) -> String {
    let frame = FrameRenderer.render(state)
    return (0..<frame.height).map { frame.text(ofRow: $0) }.joined(separator: "\n")
  }

  func testEPUB3NavIsTheOutlineNestedAsTheBookNestsItAndSkipsTheLandmarks() {
    let outline = Self.threeKingdoms.outline
    XCTAssertTrue(Self.threeKingdoms.declaresOutline)
    XCTAssertEqual(
      outline.entries.map { "\($0.level) \($0.title)" },
      ["1 第一回　宴桃園豪傑三結義", "2 桃園結義", "2 黃巾之亂", "1 第二回　張翼德怒鞭督郵", "2 三人的兵器"])
    let targets = outline.entries.map { block(withID: $0.blockID, in: Self.threeKingdoms)?.runs.plainText }
    XCTAssertEqual(targets, ["第一回　宴桃園豪傑三結義", "桃園", "黃巾", "第二回　張翼德怒鞭督郵", "三人的兵器"])
  }

  func testEPUB2NCXIsTheOutlineWithPathsResolvedFromTheNCXFolder() {
    XCTAssertEqual(
      OutlinePrinter.text(of: Self.journey.outline),
      "第一回　灵根育孕源流出\n  花果山\n  石猴出世\n第二回　悟彻菩提真妙理\n")
    XCTAssertEqual(Self.journey.title, "西游记（节选）")
    XCTAssertEqual(Self.journey.author, "吴承恩")
  }

  func testSpineOrderIsReadingOrderAndXHTMLBecomesTheMarkdownModel() {
    let text = DocumentPrinter.text(of: Self.threeKingdoms, width: 0)
    XCTAssertLessThan(text.range(of: "話說天下大勢")!.lowerBound, text.range(of: "且說董卓")!.lowerBound)
    let kinds = Self.threeKingdoms.blocks.map { block -> String in
      switch block.kind {
      case .heading(let level, _): return "h\(level)"
      case .paragraph: return "p"
      case .list: return "list"
      case .quote: return "quote"
      case .code: return "pre"
      case .table: return "table"
      default: return "other"
      }
    }
    XCTAssertEqual(
      kinds,
      ["h1", "p", "p", "h2", "p", "quote", "list", "h2", "p", "pre", "p", "h1", "p", "h2", "table", "p"])
    XCTAssertTrue(text.contains("一名張梁。\n那張角本是個不第秀才。"), "br is a line end")
    XCTAssertTrue(text.contains("┆ 蒼天已死，黃天當立；\n┆ 歲在甲子，天下大吉。"), "pre keeps its lines")
    XCTAssertTrue(text.contains("合久必分。周末七國分爭，并入於秦。及秦滅之後"), "no space where a line ends between CJK")
    let paragraph = Self.threeKingdoms.blocks[4].runs
    XCTAssertTrue(paragraph.contains(InlineRun("三人", style: .italic)))
    let links = Self.threeKingdoms.blocks[10].runs
    XCTAssertEqual(links.first { $0.style.contains(.link) }?.text, "第二回的兵器表")
    XCTAssertEqual(links.first { $0.style.contains(.link) }?.target, .link("chapter2.xhtml#weapons"))
    XCTAssertTrue(links.contains(InlineRun("下回分解", style: .bold)))
  }

  func testRubyIsTheBaseTextWithItsReadingAfterItDimAndTheBooksParenthesesDropped() {
    let runs = Self.threeKingdoms.blocks[4].runs
    XCTAssertTrue(runs.plainText.contains("聲若巨雷(jù léi)，勢如奔馬"), runs.plainText)
    XCTAssertEqual(runs.first { $0.style == .dim }?.text, "(jù léi)")
  }

  func testImageIsAPlaceholderWithItsAltText() {
    XCTAssertEqual(Self.threeKingdoms.blocks[2].runs, [InlineRun("[圖: 桃園結義圖]", style: .image)])
  }

  func testTableHasItsHeaderAndRows() throws {
    guard case .table(let table) = Self.threeKingdoms.blocks[14].kind else { return XCTFail("not a table") }
    XCTAssertEqual(table.header.map(\.plainText), ["人物", "兵器"])
    XCTAssertEqual(
      table.rows.map { $0.map(\.plainText) }, [["劉備", "雙股劍"], ["關羽", "青龍偃月刀"], ["張飛", "丈八蛇矛"]])
    let printed = DocumentPrinter.text(of: Self.threeKingdoms, width: 40)
    XCTAssertTrue(printed.contains("關羽 │ 青龍偃月刀"), printed)
  }

  func testTitleAndAuthorShowInTheStatusLine() {
    let state = ReaderState(document: Self.threeKingdoms, size: TerminalSize(width: 100, height: 20))
    XCTAssertTrue(screen(state).contains("三國演義（節選） — 羅貫中"), screen(state))
  }

  func testTheOutlineAndTextFollowTheScriptToggleAndSearchCrossesScripts() {
    var state = ReaderState(document: Self.threeKingdoms, size: TerminalSize(width: 100, height: 30))
    state = press(.character("t"), .character("t"), on: state)
    XCTAssertEqual(state.setting.script, .simplified)
    XCTAssertTrue(screen(state).contains("第一回　宴桃园豪杰三结义"), screen(state))
    XCTAssertTrue(screen(state).contains("话说天下大势"))
    state = press(.character("/"), on: state)
    state = "桃园结义图".reduce(state) { Reducer.reduce($0, .key(.character($1))) }
    _ = try? state.searchIndexes.index(for: state.setting)
    state = Reducer.reduce(state, .refreshSearch)
    XCTAssertEqual(state.search?.results?.count, 1)
    let converted = try! ScriptConverter.shared.convert(Self.journey, to: .traditional)
    XCTAssertEqual(converted.outline.entries.map(\.title).first, "第一回　靈根育孕源流出", "--outline converts the TOC")
    XCTAssertEqual(converted.author, "吴承恩", "the author stays as the book spells it, like a file name")
  }

  func testOutlineBrowsingBringsTheTOCTargetToTheTop() {
    var state = ReaderState(document: Self.threeKingdoms, size: TerminalSize(width: 100, height: 12))
    state = press(.down, .down, on: state)
    XCTAssertEqual(state.selection, 2)
    let top = state.bodyLayout.lines(from: state.anchor, count: 1).first?.text ?? ""
    XCTAssertEqual(top, "黃巾")
    XCTAssertTrue(screen(state).contains("三國演義（節選） — 羅貫中 › 黃巾之亂"), screen(state))
  }

  /// A book with a cover page, a page of notes between its chapters and an answer key, all
  /// marked `linear="no"`, and `count` chapters around them.
  private func bookWithAuxiliaryPages(count: Int) -> [UInt8] {
    var chapters = [
      SampleBooks.Chapter(
        "cover.xhtml",
        SampleBooks.xhtml(title: "封面", body: "<p><img src=\"images/cover.png\" alt=\"封面圖\"/></p>"))
    ]
    for number in 1...count {
      var body = "<h1>第\(number)回</h1><p>第\(number)回的正文。</p>"
      if number == 1 { body += "<p>見<a href=\"notes.xhtml#n1\">注一</a>。</p>" }
      chapters.append(
        SampleBooks.Chapter("c\(number).xhtml", SampleBooks.xhtml(title: "第\(number)回", body: body)))
      if number == 2 {
        chapters.append(
          SampleBooks.Chapter(
            "notes.xhtml", SampleBooks.xhtml(title: "注", body: "<p id=\"n1\">注一：桃園在涿郡。</p>")))
      }
    }
    chapters.append(
      SampleBooks.Chapter("answers.xhtml", SampleBooks.xhtml(title: "答案", body: "<p>答案頁。</p>")))
    let marked: Set = ["cover.xhtml", "notes.xhtml", "answers.xhtml"]
    let auxiliary = Set(chapters.indices.filter { marked.contains(chapters[$0].name) })
    let titles = ["cover.xhtml": "封面", "notes.xhtml": "注", "answers.xhtml": "答案"]
    let entries = chapters.map {
      "<li><a href=\"\($0.name)\">\(titles[$0.name] ?? "第\($0.name.dropFirst().dropLast(6))回")</a></li>"
    }
    let nav = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
      <head><title>目錄</title></head>
      <body><nav epub:type="toc"><ol>\(entries.joined())</ol></nav></body>
      </html>
      """
    return SampleBooks.book(
      title: "附頁測試", author: "測試者", chapters: chapters, nav: nav, auxiliary: auxiliary)
  }

  func testPagesMarkedNonLinearComeAfterTheChaptersAndLinksStillReachThem() throws {
    let document = try Self.document(bookWithAuxiliaryPages(count: 3))
    let text = DocumentPrinter.text(of: document, width: 0)
    let order = ["第1回的正文", "第2回的正文", "第3回的正文", "封面圖", "注一：桃園在涿郡", "答案頁"].map {
      text.range(of: $0)?.lowerBound
    }
    XCTAssertFalse(order.contains(nil), text)
    XCTAssertEqual(
      order.compactMap { $0 }, order.compactMap { $0 }.sorted(),
      "the chapters, then the marked pages in spine order")
    XCTAssertTrue(
      text.hasPrefix("第1回"), "the book opens on its first chapter, not on the cover: \(text.prefix(40))")
    let places = try XCTUnwrap(document.bookPlaces)
    guard case .place(let leaf, nil) = places.destination(of: "notes.xhtml#n1", fromTopIndex: 0) else {
      return XCTFail(
        "the link to the notes is not followed: \(places.destination(of: "notes.xhtml#n1", fromTopIndex: 0))")
    }
    XCTAssertEqual(block(withID: leaf, in: document)?.runs.plainText, "注一：桃園在涿郡。")
    XCTAssertEqual(
      document.outline.entries.map(\.title), ["第1回", "第2回", "第3回", "封面", "注", "答案"],
      "the table of contents in reading order, its marked pages at the end")
  }

  func testALongBookWithNonLinearPagesGrowsFromItsFirstPageIntoTheWholeBooksOrder() throws {
    let bytes = bookWithAuxiliaryPages(count: EPUBImporter.firstSpineItems + 10)
    let whole = try Self.document(bytes)
    var importer = try EPUBImporter(bytes: bytes)
    var document = importer.firstDocument(fallbackTitle: "book.epub")
    XCTAssertTrue(
      DocumentPrinter.text(of: document, width: 0).hasPrefix("第1回"), "the first page is the first chapter")
    importer.readRest(into: &document)
    while importer.appendNextChapter(to: &document) {}
    XCTAssertFalse(importer.startedAgain, "the first page's chapters are the start of the whole book's order")
    XCTAssertEqual(DocumentPrinter.text(of: document, width: 0), DocumentPrinter.text(of: whole, width: 0))
    XCTAssertEqual(document.outline.entries, whole.outline.entries)
    XCTAssertEqual(whole.outline.entries.last?.title, "答案")
    let text = DocumentPrinter.text(of: whole, width: 0)
    let last = try XCTUnwrap(text.range(of: "第\(EPUBImporter.firstSpineItems + 10)回的正文"))
    XCTAssertGreaterThan(try XCTUnwrap(text.range(of: "注一：桃園在涿郡")).lowerBound, last.lowerBound)
    XCTAssertGreaterThan(try XCTUnwrap(text.range(of: "答案頁")).lowerBound, last.lowerBound)
  }

  func testABookWhoseEveryPageIsMarkedNonLinearIsReadInSpineOrder() throws {
    let chapters = (1...3).map {
      SampleBooks.Chapter("c\($0).xhtml", SampleBooks.xhtml(title: "第\($0)回", body: "<p>第\($0)回的正文。</p>"))
    }
    let document = try Self.document(
      SampleBooks.book(title: "全附頁", author: "測試者", chapters: chapters, auxiliary: [0, 1, 2]))
    XCTAssertEqual(DocumentPrinter.text(of: document, width: 0), "第1回的正文。\n\n第2回的正文。\n\n第3回的正文。\n")
  }

  func testABookWithoutATableOfContentsGetsItsHeadings() throws {
    let bytes = SampleBooks.book(
      title: "無目錄", author: "佚名",
      chapters: [
        SampleBooks.Chapter(
          "a.xhtml", SampleBooks.xhtml(title: "a", body: "<h1>上卷</h1><p>甲。</p><h2>第一節</h2><p>乙。</p>")),
        SampleBooks.Chapter("b.xhtml", SampleBooks.xhtml(title: "b", body: "<h1>下卷</h1><p>丙。</p>")),
      ])
    let document = try Self.document(bytes)
    XCTAssertFalse(document.declaresOutline)
    XCTAssertEqual(OutlinePrinter.text(of: document.outline), "上卷\n  第一節\n下卷\n")
  }

  func testDetectedByTheMimetypeEntryNotByName() {
    XCTAssertTrue(EPUBDetector.isEPUB(SampleBooks.journeyToTheWest()))
    XCTAssertFalse(EPUBDetector.isEPUB(ZipWriter.archive([ZipWriter.Entry("readme.txt", "not a book")])))
    XCTAssertFalse(EPUBDetector.isEPUB(Array("# 標題\n\n內文".utf8)))
    XCTAssertFalse(EPUBDetector.isEPUB([0x50, 0x4B, 3, 4]))
  }

  func testDRMEncryptedChaptersAreRefusedButObfuscatedFontsAreNot() {
    XCTAssertThrowsError(try Self.document(SampleBooks.encrypted())) { error in
      XCTAssertEqual(error as? EPUBError, .encrypted)
      XCTAssertTrue((error as? EPUBError)?.reason.contains("DRM") == true)
    }
    XCTAssertNoThrow(
      try Self.document(SampleBooks.encrypted(algorithm: "http://www.idpf.org/2008/embedding")))
  }

  func testEveryTruncationOfABookGivesAnErrorOrWhatIsReadable() {
    let bytes = SampleBooks.threeKingdoms()
    for length in stride(from: 0, to: bytes.count, by: 97) {
      do {
        _ = try Self.document(Array(bytes.prefix(length)))
        XCTFail("a truncated zip has no central directory: \(length) bytes opened")
      } catch let error as EPUBError {
        XCTAssertEqual(error, .archive(.notAnArchive))
      } catch {
        XCTFail("unexpected \(error)")
      }
    }
  }

  func testAZipBombStopsAtTheLimitWhileInflatingAndTheStartIsStillRead() throws {
    let bomb = SampleBooks.bomb(size: 8 << 20)
    XCTAssertLessThan(bomb.count, 200_000, "compressed to almost nothing")
    let limits = ZipArchive.Limits(entries: 100, entryBytes: 1 << 20, totalBytes: 4 << 20)
    let document = try Self.document(bomb, limits: limits)
    XCTAssertTrue(DocumentPrinter.text(of: document, width: 0).contains("開頭這一章還能讀。"))
    XCTAssertEqual(document.notice?.text(in: .english), "stopped at OEBPS/bomb.xhtml: too large")
    // The headers may lie: claiming 100 bytes changes nothing, the count is of inflated bytes.
    let lying = ZipWriter.claimingSize(bomb, of: "OEBPS/bomb.xhtml", size: 100)
    let archive = try ZipArchive(bytes: lying, limits: limits)
    XCTAssertThrowsError(try archive.read("OEBPS/bomb.xhtml")) { error in
      XCTAssertTrue(
        [ZipError.tooLarge("OEBPS/bomb.xhtml"), .damagedEntry("OEBPS/bomb.xhtml")].contains(
          error as? ZipError))
    }
  }

  func testTheStandardLimitStopsAHundredMegabyteChapter() throws {
    let document = try Self.document(SampleBooks.bomb(size: 100 << 20))
    XCTAssertEqual(document.notice?.text(in: .english), "stopped at OEBPS/bomb.xhtml: too large")
    XCTAssertEqual(document.outline.entries.map(\.title), ["開頭"])
  }

  func testTooManyEntriesIsRefusedBeforeAnyIsRead() {
    let limits = ZipArchive.Limits(entries: 5, entryBytes: 1 << 20, totalBytes: 1 << 20)
    XCTAssertThrowsError(try Self.document(SampleBooks.threeKingdoms(), limits: limits)) { error in
      XCTAssertEqual(error as? EPUBError, .archive(.tooManyEntries(7)))
    }
  }

  func testMalformedXHTMLIsReadWithTheRecoveringParser() throws {
    let text = DocumentPrinter.text(of: try Self.document(SampleBooks.malformed()), width: 0)
    XCTAssertTrue(text.contains("壞掉的章節"))
    XCTAssertTrue(text.contains("第一段沒有結束標籤\u{00A0}而且 3 < 5 這樣的比較"), text)
    XCTAssertTrue(text.contains("第二段粗體交錯的標籤還有…"), text)
    XCTAssertTrue(text.contains("最後一段，文件就此中斷"), text)
  }

  func testExternalEntitiesAreNeverLoaded() throws {
    let secret = NSTemporaryDirectory() + "reader-secret-\(UUID().uuidString).txt"
    // Were the file not there, the test would pass without showing anything.
    XCTAssertTrue(FileManager.default.createFile(atPath: secret, contents: Data("SECRET-TOKEN-4711".utf8)))
    defer { try? FileManager.default.removeItem(atPath: secret) }
    let document = try Self.document(SampleBooks.externalEntity(path: secret))
    let text = DocumentPrinter.text(of: document, width: 0)
    XCTAssertTrue(text.contains("這裡不應出現檔案內容："), text)
    XCTAssertFalse(text.contains("SECRET-TOKEN"))
    XCTAssertFalse(document.title.contains("SECRET-TOKEN"))
  }

  func testAMissingChapterIsSkippedWithANoticeAndTheRestIsRead() throws {
    let document = try Self.document(SampleBooks.missingChapter())
    XCTAssertEqual(document.outline.entries.map(\.title), ["第一章", "第三章"])
    XCTAssertEqual(document.notice?.text(in: .english), "1 chapter could not be read")
    let state = ReaderState(document: document, size: TerminalSize(width: 80, height: 10))
    XCTAssertTrue(screen(state).contains("1 chapter could not be read"))
  }

  func testABookWithNoPackageDocumentSaysSo() {
    let bytes = ZipWriter.archive([
      ZipWriter.Entry("mimetype", "application/epub+zip", stored: true),
      ZipWriter.Entry(
        "META-INF/container.xml",
        "<container><rootfiles><rootfile full-path=\"nowhere.opf\"/></rootfiles></container>"),
      ZipWriter.Entry("chapter.xhtml", SampleBooks.xhtml(title: "x", body: "<p>孤兒章節</p>")),
    ])
    XCTAssertThrowsError(try Self.document(bytes)) { error in
      XCTAssertEqual(error as? EPUBError, .missingPackage)
    }
    XCTAssertThrowsError(try Self.document(Array("PK\u{3}\u{4} not really".utf8))) { error in
      XCTAssertEqual(error as? EPUBError, .archive(.notAnArchive))
    }
  }
}
