import EPUBFixtures
import XCTest

@testable import ReaderCore

final class EPUBImporterTests: XCTestCase {
  private func document(_ bytes: [UInt8], limits: ZipArchive.Limits = .standard) throws -> Document {
    var importer = try EPUBImporter(bytes: bytes, limits: limits)
    return try importer.document(fallbackTitle: "book.epub")
  }

  private func printed(_ document: Document, width: Int = 60) -> String {
    var text = ""
    DocumentPrinter.print(document, width: width) { text += $0 }
    return text
  }

  func testWriteFixtures() throws {
    let dir = "/tmp/epubs/"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: dir + "sanguo.epub", contents: Data(SampleBooks.threeKingdoms()))
    FileManager.default.createFile(atPath: dir + "xiyou", contents: Data(SampleBooks.journeyToTheWest()))
    FileManager.default.createFile(atPath: dir + "drm.epub", contents: Data(SampleBooks.encrypted()))
    FileManager.default.createFile(atPath: dir + "missing.epub", contents: Data(SampleBooks.missingChapter()))
    FileManager.default.createFile(atPath: dir + "broken.epub", contents: Data(SampleBooks.malformed()))
    FileManager.default.createFile(atPath: dir + "trunc.epub", contents: Data(SampleBooks.threeKingdoms().prefix(900)))
    FileManager.default.createFile(atPath: dir + "bomb.epub", contents: Data(SampleBooks.bomb(size: 100 << 20)))
  }

  func testDump() throws {
    let book = try document(SampleBooks.threeKingdoms())
    print(printed(book))
    print(OutlinePrinter.text(of: book.outline))
    let west = try document(SampleBooks.journeyToTheWest())
    print(printed(west))
    print(OutlinePrinter.text(of: west.outline))
    print(printed(try document(SampleBooks.malformed())))
  }
}
