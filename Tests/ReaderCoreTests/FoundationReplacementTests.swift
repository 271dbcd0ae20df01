import Foundation
import XCTest

@testable import ReaderCore

/// What the reader does itself instead of importing Foundation gives what Foundation gives: the
/// tests may import Foundation, so it is the oracle.
final class FoundationReplacementTests: XCTestCase {
  private let paths = [
    "/usr/local/bin/reader", "/usr/local/bin/", "/reader", "/", "reader", "", "a/b", "a/b//", "./reader",
    "../x/y.md", "/opt/書架/第三章.txt", "a.b/c", "a/.profile", "a/b.tar.gz", "a/b.", "/x/.y.md",
  ]

  func testTheFolderOfAPathIsNSStringsDeletingLastPathComponent() {
    for path in paths {
      XCTAssertEqual(PathText.folder(of: path), (path as NSString).deletingLastPathComponent, path)
    }
  }

  func testTheExtensionOfAPathIsNSStringsPathExtension() {
    for path in paths {
      XCTAssertEqual(PathText.fileExtension(of: path), (path as NSString).pathExtension, path)
    }
  }

  func testPercentEscapesDecodeAsRemovingPercentEncodingDoes() {
    for text in [
      "chapter%202.xhtml", "%E7%AC%AC%E4%B8%89%E7%AB%A0.md", "plain.md", "50%", "%zz", "%e7%ac", "%41%42c",
      "%FF%FE", "a%2Fb", "%",
    ] {
      XCTAssertEqual(LinkDestination.decoded(text), text.removingPercentEncoding ?? text, text)
    }
  }

  func testWorkOnBackgroundThreadsSeesEveryChangeUnderTheLock() {
    let lock = Lock()
    nonisolated(unsafe) var total = 0
    let done = DispatchGroup()
    for _ in 0..<8 {
      done.enter()
      BackgroundThread.start {
        for _ in 0..<10_000 { lock.withLock { total += 1 } }
        done.leave()
      }
    }
    XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
    XCTAssertEqual(lock.withLock { total }, 80_000)
  }
}
