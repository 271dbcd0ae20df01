import EPUBFixtures
import XCTest

@testable import ReaderCore

/// The package read before a book's first page (streamed, stopped past the first spine items)
/// gives what the whole package gives, wherever the book puts its metadata, manifest and spine.
final class EPUBPackageReadingTests: XCTestCase {
  /// A book of `count` chapters whose package lists the spine first, then a manifest of
  /// `unused` other files before the chapters (in reverse order, the first chapter's item
  /// written twice: the later one counts), and the metadata last.
  private func spineFirstBook(count: Int, unused: Int) -> [UInt8] {
    let chapters = (1...count).map { number in
      ZipWriter.Entry(
        "OEBPS/ch\(number).xhtml",
        SampleBooks.xhtml(
          title: "第\(number)章", body: "<h1>第\(number)章</h1><p>第\(number)章的正文，話說天下大勢。</p>"))
    }
    let spine = (1...count).map { "<itemref idref=\"c\($0)\"/>" }.joined()
    let others = (1...unused).map {
      "<item id=\"img\($0)\" href=\"images/p\($0).png\" media-type=\"image/png\"/>"
    }
    let items = (1...count).reversed().map {
      "<item id=\"c\($0)\" href=\"ch\($0).xhtml\" media-type=\"application/xhtml+xml\"/>"
    }
    let opf = """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
        <spine>\(spine)</spine>
        <manifest>
          <item id="c1" href="ch2.xhtml" media-type="application/xhtml+xml"/>
          \(others.joined(separator: "\n"))
          \(items.joined(separator: "\n"))
        </manifest>
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title>  先列 書脊 </dc:title><dc:creator>測試</dc:creator><dc:language>ZH-Hant</dc:language>
        </metadata>
      </package>
      """
    return ZipWriter.archive(
      [
        ZipWriter.Entry("mimetype", "application/epub+zip", stored: true),
        ZipWriter.Entry(
          "META-INF/container.xml",
          "<container><rootfiles><rootfile full-path=\"OEBPS/content.opf\"/></rootfiles></container>"),
        ZipWriter.Entry("OEBPS/content.opf", opf),
      ] + chapters)
  }

  /// A book of `content.opf` and `files`, at the zip's top.
  private func book(opf: String, files: [String: String]) -> [UInt8] {
    ZipWriter.archive(
      [
        ZipWriter.Entry("mimetype", "application/epub+zip", stored: true),
        ZipWriter.Entry(
          "META-INF/container.xml",
          "<container><rootfiles><rootfile full-path=\"content.opf\"/></rootfiles></container>"),
        ZipWriter.Entry("content.opf", opf),
      ] + files.sorted { $0.key < $1.key }.map { ZipWriter.Entry($0.key, $0.value) })
  }

  func testASpineBeforeAHugeManifestGivesTheFirstPageTheWholeImportsFirstChapters() throws {
    let bytes = spineFirstBook(count: 30, unused: 3000)
    var importer = try EPUBImporter(bytes: bytes)
    let first = importer.firstDocument(fallbackTitle: "book.epub", minimumBlocks: 1)
    XCTAssertFalse(importer.isFinished)
    var whole = try EPUBImporter(bytes: bytes)
    let book = try whole.document(fallbackTitle: "book.epub")
    XCTAssertEqual(first.title, "先列 書脊", "the metadata after the manifest is read before the first page")
    XCTAssertEqual(first.author, "測試")
    XCTAssertEqual(book.title, first.title)
    XCTAssertEqual(Array(first.blocks), Array(book.blocks.prefix(first.blocks.count)))
    let text = DocumentPrinter.text(of: first, width: 0)
    XCTAssertTrue(text.hasPrefix("第1章"), "the manifest's later item for c1 counts: " + text)
    XCTAssertTrue(DocumentPrinter.text(of: book, width: 0).contains("第30章的正文"))

    var grown = first
    while importer.appendNextChapter(to: &grown) {}
    XCTAssertEqual(grown.blocks, book.blocks, "the rest of the spine is read after the first page")
    XCTAssertEqual(grown.bookPlaces, book.bookPlaces)
  }

  func testEntityReferencesInThePackageAreDroppedNotSubstituted() throws {
    let opf = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE package [<!ENTITY inner "內部實體">]>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>書&inner;名&amp;號</dc:title></metadata>
        <manifest><item id="c" href="c&inner;.xhtml" media-type="application/xhtml+xml"/></manifest>
        <spine><itemref idref="c"/></spine>
      </package>
      """
    let document = try EPUBImporterTests.document(
      book(opf: opf, files: ["c.xhtml": SampleBooks.xhtml(title: "c", body: "<p>正文在此。</p>")]))
    XCTAssertEqual(document.title, "書名&號")
    XCTAssertTrue(DocumentPrinter.text(of: document, width: 0).contains("正文在此。"))
    XCTAssertNil(document.notice, "the href without its entity names c.xhtml")
  }

  func testAChapterNamedInAnotherUnicodeNormalizationIsStillFound() throws {
    // The zip spells the name precomposed, the package decomposed: libzip's table of names has
    // only the first, and a Swift string compares them equal.
    let opf = """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>正規化</dc:title></metadata>
        <manifest><item id="c" href="cafe\u{301}.xhtml" media-type="application/xhtml+xml"/></manifest>
        <spine><itemref idref="c"/></spine>
      </package>
      """
    let document = try EPUBImporterTests.document(
      book(opf: opf, files: ["caf\u{E9}.xhtml": SampleBooks.xhtml(title: "c", body: "<p>咖啡館裡。</p>")]))
    XCTAssertTrue(DocumentPrinter.text(of: document, width: 0).contains("咖啡館裡。"))
    XCTAssertNil(document.notice)
  }

  func testWhiteSpaceIsWholeCharactersAsBefore() throws {
    // A space carrying a combining mark is white space, marks and all; a space that an Arabic
    // number sign (a prefix) joins is not; CR LF between Chinese characters is no space.
    let body = "<p>甲 \u{301}乙\r\n丙</p><p>x\u{600} y</p>"
    let book = SampleBooks.book(
      title: "空白", author: "測試",
      chapters: [SampleBooks.Chapter("c.xhtml", SampleBooks.xhtml(title: "c", body: body))])
    let document = try EPUBImporterTests.document(book)
    let paragraphs = document.blocks.map { $0.runs.plainText }
    XCTAssertEqual(paragraphs, ["甲 乙丙", "x\u{600} y"])
  }

  /// A long book's package (`count` chapters and as many images, a nav), written as `opf`
  /// writes it from the manifest's item lines, the spine's reference lines and a nav item line.
  private func longBook(
    count: Int, opf: (_ items: [String], _ references: [String], _ nav: String) -> String
  ) -> [UInt8] {
    let items = (1...count).flatMap { number in
      [
        "<item id=\"c\(number)\" href=\"text/ch\(number).xhtml\" media-type=\"application/xhtml+xml\"/>",
        "<item id=\"img\(number)\" href=\"images/第\(number)圖.png\" media-type=\"image/png\"/>",
      ]
    }
    let references = (1...count).map { "<itemref idref=\"c\($0)\"/>" }
    let nav = "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"
    let links = (1...count).map { "<li><a href=\"text/ch\($0).xhtml\">第\($0)章</a></li>" }.joined()
    var files = [
      "OEBPS/nav.xhtml": SampleBooks.xhtml(
        title: "目錄", body: "<nav epub:type=\"toc\"><ol>\(links)</ol></nav>")
    ]
    for number in 1...count {
      files["OEBPS/text/ch\(number).xhtml"] = SampleBooks.xhtml(
        title: "第\(number)章", body: "<h1>第\(number)章</h1><p>第\(number)章的正文，話說天下大勢。</p>")
    }
    return ZipWriter.archive(
      [
        ZipWriter.Entry("mimetype", "application/epub+zip", stored: true),
        ZipWriter.Entry(
          "META-INF/container.xml",
          "<container><rootfiles><rootfile full-path=\"OEBPS/content.opf\"/></rootfiles></container>"),
        ZipWriter.Entry("OEBPS/content.opf", opf(items, references, nav)),
      ] + files.sorted { $0.key < $1.key }.map { ZipWriter.Entry($0.key, $0.value) })
  }

  /// The package read for the first page with and without the shortcut.
  private func packages(_ bytes: [UInt8]) throws -> (shortcut: EPUBPackage, whole: EPUBPackage) {
    let archive = try ZipArchive(bytes: bytes)
    let limit = EPUBImporter.firstSpineItems
    let whole = try EPUBPackage.read(from: archive, spineLimit: limit, shortcuts: false)
    return (try EPUBPackage.read(from: archive, spineLimit: limit), whole)
  }

  private func assertSamePackage(
    _ read: (shortcut: EPUBPackage, whole: EPUBPackage), shortcut: Bool, _ what: String
  ) {
    XCTAssertEqual(read.shortcut.isShortcut, shortcut, what)
    XCTAssertEqual(read.shortcut.spine, read.whole.spine, what)
    XCTAssertEqual(read.shortcut.spine.count, EPUBImporter.firstSpineItems, what)
    XCTAssertEqual(read.shortcut.title, read.whole.title, what)
    XCTAssertEqual(read.shortcut.author, read.whole.author, what)
    XCTAssertEqual(read.shortcut.language, read.whole.language, what)
    XCTAssertEqual(read.shortcut.navigation, read.whole.navigation, what)
    XCTAssertEqual(read.shortcut.ncx, read.whole.ncx, what)
    XCTAssertEqual(read.shortcut.isWholeSpine, read.whole.isWholeSpine, what)
  }

  func testALongPackageIsReadForTheFirstPageWithoutItsManifestAsTheWholeReadsIt() throws {
    let metadata = """
      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:title>長篇 &amp; 書名</dc:title><dc:creator>測試者</dc:creator><dc:language>zh-Hant</dc:language>
      </metadata>
      """
    let plain = longBook(count: 700) { items, references, nav in
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
      \(metadata)
      <manifest>
      \(nav)
      \(items.joined(separator: "\n"))
      </manifest>
      <spine>\(references.joined())</spine>
      </package>
      """
    }
    let bytes = try packages(plain)
    assertSamePackage(bytes, shortcut: true, "a plain package")
    XCTAssertEqual(bytes.shortcut.spine.first?.path, "OEBPS/text/ch1.xhtml")
    XCTAssertEqual(bytes.shortcut.title, "長篇 & 書名")

    // Prefixed elements, an item written with an end tag and a `>` in a value, a later item of
    // the same id that replaces the first, an id spelled with a character reference, an EPUB 2
    // toc and no nav.
    let written = longBook(count: 700) { items, references, _ in
      var items = items
      items[0] =
        "<opf:item id=\"c1\" href=\"text/ch2.xhtml\" title=\"a > b\" media-type=\"application/xhtml+xml\"></opf:item>"
      items[2] = "<opf:item id=\"c&#50;\" href=\"text/ch2.xhtml\" media-type=\"application/xhtml+xml\" />"
      items.append("<opf:item id=\"c1\" href=\"text/ch1.xhtml\" media-type=\"application/xhtml+xml\"/>")
      items.append("<opf:item id=\"ncx\" href=\"toc.ncx\" media-type=\"Application/X-DTBNCX+XML\"/>")
      return """
        <?xml version='1.0' encoding='utf-8'?>
        <opf:package xmlns:opf="http://www.idpf.org/2007/opf" version="2.0">
        \(metadata.replacingOccurrences(of: "metadata", with: "opf:metadata"))
        <opf:manifest>
        \(items.map { $0.replacingOccurrences(of: "<item", with: "<opf:item") }.joined(separator: "\n"))
        </opf:manifest>
        <opf:spine toc="ncx">\(references.map { $0.replacingOccurrences(of: "<itemref", with: "<opf:itemref") }.joined())</opf:spine>
        </opf:package>
        """
    }
    let prefixed = try packages(written)
    assertSamePackage(prefixed, shortcut: true, "a prefixed EPUB 2 package")
    XCTAssertEqual(
      prefixed.shortcut.spine.prefix(3).map(\.path),
      ["OEBPS/text/ch1.xhtml", "OEBPS/text/ch2.xhtml", "OEBPS/text/ch3.xhtml"])
    XCTAssertEqual(prefixed.shortcut.ncx?.path, "OEBPS/toc.ncx")

    // Pages marked linear="no" (a cover, notes) among the first references wait for the end of
    // the whole spine: the first page's spine is its linear references only.
    let marked = longBook(count: 700) { items, references, nav in
      var references = references
      for index in [0, 4] { references[index] = "<itemref idref=\"c\(index + 1)\" linear=\"no\"/>" }
      return """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
        \(metadata)
        <manifest>\(nav)\(items.joined(separator: "\n"))</manifest>
        <spine>\(references.joined())</spine>
        </package>
        """
    }
    let markedPackages = try packages(marked)
    XCTAssertTrue(markedPackages.shortcut.isShortcut)
    XCTAssertEqual(markedPackages.shortcut.spine, markedPackages.whole.spine)
    XCTAssertEqual(markedPackages.shortcut.spine.count, EPUBImporter.firstSpineItems - 2)
    XCTAssertEqual(markedPackages.shortcut.spine.first?.path, "OEBPS/text/ch2.xhtml")

    // A comment could hide a tag from the bytes: such a package is read whole.
    let commented = longBook(count: 700) { items, references, nav in
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
      \(metadata)
      <!-- <manifest><item id="c1" href="wrong.xhtml"/></manifest> <spine><itemref idref="c1"/></spine> -->
      <manifest>\(nav)\(items.joined(separator: "\n"))</manifest>
      <spine>\(references.joined())</spine>
      </package>
      """
    }
    assertSamePackage(try packages(commented), shortcut: false, "a package with a comment")

    // The book reads the same: its first page, and whole.
    for book in [plain, written, marked] {
      var importer = try EPUBImporter(bytes: book)
      let first = importer.firstDocument(fallbackTitle: "book.epub")
      var grown = first
      while importer.appendNextChapter(to: &grown) {}
      var whole = try EPUBImporter(bytes: book, shortcuts: false)
      let expected = try whole.document(fallbackTitle: "book.epub")
      XCTAssertEqual(Array(first.blocks), Array(expected.blocks.prefix(first.blocks.count)))
      XCTAssertEqual(grown.blocks, expected.blocks)
      XCTAssertEqual(grown.outline.entries, expected.outline.entries)
      XCTAssertEqual(grown.title, expected.title)
      XCTAssertFalse(importer.startedAgain)
    }
  }

  func testABookWhosePackageTheShortcutMisreadsStartsAgainOnTheWholePackage() throws {
    // The first chapter's item is not the manifest's own (it sits inside another element):
    // the whole parse leaves it out, the bytes do not tell.
    let book = longBook(count: 700) { items, references, nav in
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>誤讀</dc:title></metadata>
      <manifest>\(nav)<bindings>\(items[0])</bindings>\(items.dropFirst().joined(separator: "\n"))</manifest>
      <spine>\(references.joined())</spine>
      </package>
      """
    }
    XCTAssertTrue(try packages(book).shortcut.isShortcut)
    var importer = try EPUBImporter(bytes: book)
    var document = importer.firstDocument(fallbackTitle: "book.epub")
    XCTAssertTrue(DocumentPrinter.text(of: document, width: 0).hasPrefix("第1章"), "the misread first page")
    importer.readRest(into: &document)
    XCTAssertTrue(importer.startedAgain)
    while importer.appendNextChapter(to: &document) {}
    var whole = try EPUBImporter(bytes: book, shortcuts: false)
    let expected = try whole.document(fallbackTitle: "book.epub")
    XCTAssertTrue(DocumentPrinter.text(of: expected, width: 0).hasPrefix("第2章"))
    XCTAssertEqual(document.blocks, expected.blocks)
    XCTAssertEqual(document.outline.entries, expected.outline.entries)
  }

  func testDamagedBytesInALongPackageNeverTripTheShortcut() {
    let items = (1...800).map {
      "<item id=\"c\($0)\" href=\"text/ch\($0).xhtml\" media-type=\"application/xhtml+xml\"/>"
    }
    let opf = """
      <?xml version="1.0" encoding="UTF-8"?>
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>損壞</dc:title></metadata>
      <manifest>\(items.joined(separator: "\n"))</manifest>
      <spine toc="ncx">\((1...800).map { "<itemref idref=\"c\($0)\"/>" }.joined())</spine>
      </package>
      """
    let bytes = Array(opf.utf8)
    XCTAssertNotNil(
      EPUBPackageShortcut.collect(bytes, spineLimit: 16), "the package as written takes the shortcut")
    var generator = SeededGenerator(seed: 15)
    let marks = Array("<>\"'=/ !?:&".utf8)
    var shortcuts = 0
    for _ in 0..<300 {
      var damaged = bytes
      for _ in 0..<Int.random(in: 1...12, using: &generator) {
        let at = Int.random(in: 0..<damaged.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: damaged[at] = marks.randomElement(using: &generator)!
        case 1: damaged.remove(at: at)
        default:
          damaged.removeSubrange(at..<min(damaged.count, at + Int.random(in: 1...400, using: &generator)))
        }
      }
      if let collector = EPUBPackageShortcut.collect(damaged, spineLimit: 16) {
        shortcuts += 1
        XCTAssertLessThanOrEqual(collector.references.count, 16)
      }
    }
    XCTAssertGreaterThan(shortcuts, 0, "damage away from the markup still takes the shortcut")
  }
}
