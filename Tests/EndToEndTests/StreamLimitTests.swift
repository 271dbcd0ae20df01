import Foundation
import Glibc
import XCTest

@testable import reader

/// A pipe is read whole up to its bound, and refused past it.
final class StreamLimitTests: XCTestCase {
  /// What `DocumentSource.readAll` makes of `count` bytes written into a pipe, read with `limit`.
  private func readPipe(of count: Int, limit: Int) throws -> [UInt8] {
    var ends: [Int32] = [0, 0]
    XCTAssertEqual(pipe(&ends), 0)
    let writeEnd = ends[1]
    let writer = Thread {
      var left = count
      let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 16)
      while left > 0 {
        let written = chunk.withUnsafeBytes { write(writeEnd, $0.baseAddress, min(left, $0.count)) }
        if written <= 0 { break }
        left -= written
      }
      close(writeEnd)
    }
    writer.start()
    defer { close(ends[0]) }
    return try DocumentSource.readAll(descriptor: ends[0], path: "-", streamLimit: limit)
  }

  func testAPipeUpToTheBoundIsReadWholeAndOnePastItIsRefused() throws {
    XCTAssertEqual(try readPipe(of: 1 << 20, limit: 1 << 20).count, 1 << 20)
    XCTAssertThrowsError(try readPipe(of: (1 << 20) + 1, limit: 1 << 20)) { error in
      guard case ReaderError.unreadable(let path, let reason) = error else {
        return XCTFail("\(error)")
      }
      XCTAssertEqual(path, "-")
      XCTAssertTrue(reason.hasPrefix("more than 1 MiB from a pipe"), reason)
    }
  }
}
