import EPUBFixtures
import XCTest

@testable import ReaderCore

/// The package and chapters of a book are found as a whole read finds them.
final class EPUBPackageReadingTests: XCTestCase {
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
}
