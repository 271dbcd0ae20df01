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
    XCTAssertEqual(first.blocks, Array(book.blocks.prefix(first.blocks.count)))
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
}
