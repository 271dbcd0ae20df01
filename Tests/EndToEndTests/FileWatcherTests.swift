import Foundation
import XCTest

@testable import reader

/// Noticing that the open file changed on disk: the decision rule, then real files.
final class FileWatcherTests: XCTestCase {
  private func signature(_ inode: UInt64, size: Int64 = 10, time: Int = 100) -> FileSignature {
    FileSignature(device: 1, inode: inode, size: size, modifiedSeconds: time, modifiedNanoseconds: 0)
  }

  func testAChangeIsReportedOnceItHasSettled() {
    var detector = FileChangeDetector(baseline: signature(1))
    XCTAssertFalse(detector.observe(signature(1)), "unchanged")
    XCTAssertFalse(detector.observe(signature(1, size: 20)), "first look at the change: maybe still writing")
    XCTAssertFalse(detector.observe(signature(1, size: 30)), "still growing")
    XCTAssertTrue(detector.observe(signature(1, size: 30)), "the same twice: settled")
    XCTAssertFalse(detector.observe(signature(1, size: 30)), "reported once")
    XCTAssertEqual(detector.baseline, signature(1, size: 30))
  }

  func testAFileMissingForAMomentIsNotAChange() {
    var detector = FileChangeDetector(baseline: signature(1))
    XCTAssertFalse(detector.observe(nil))
    XCTAssertFalse(detector.observe(nil))
    XCTAssertFalse(detector.observe(signature(1)), "back as it was")
    XCTAssertFalse(detector.observe(nil))
    XCTAssertFalse(detector.observe(signature(2)), "replaced by a new file: first look")
    XCTAssertTrue(detector.observe(signature(2)))
  }

  func testAChangeUndoneBeforeItSettledIsNotReported() {
    var detector = FileChangeDetector(baseline: signature(1))
    XCTAssertFalse(detector.observe(signature(1, time: 101)))
    XCTAssertFalse(detector.observe(signature(1)))
    XCTAssertFalse(detector.observe(signature(1)))
  }

  func testResetMakesTheReadContentTheBaseline() {
    var detector = FileChangeDetector(baseline: signature(1))
    XCTAssertFalse(detector.observe(signature(1, size: 5)))
    detector.reset(to: signature(1, size: 5))
    XCTAssertFalse(detector.observe(signature(1, size: 5)), "already on screen")
  }

  func testWatcherNoticesWritesRenamesAndLooksAtMostOncePerInterval() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-watch-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/文稿.md"
    try "# 一\n".write(toFile: path, atomically: false, encoding: .utf8)
    var now = ContinuousClock.now
    var watcher = FileWatcher(path: path, interval: .milliseconds(500), now: now)
    func tick(_ milliseconds: Int = 500) -> Bool {
      now += .milliseconds(milliseconds)
      return watcher.poll(now: now)
    }
    XCTAssertFalse(tick())
    // Rewritten in place with the same size: only the time tells. The kernel stamps files with
    // a clock that ticks every few milliseconds, so the test sets the later time itself.
    try "# 二\n".write(toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: 2)], ofItemAtPath: path)
    XCTAssertFalse(tick(100), "too soon to look")
    XCTAssertFalse(tick(), "first look")
    XCTAssertTrue(tick(), "settled")
    XCTAssertFalse(tick())
    // Saved the way many editors do: a new file renamed over the old one.
    try "# 三，更長的標題\n".write(toFile: path, atomically: true, encoding: .utf8)
    XCTAssertFalse(tick())
    XCTAssertTrue(tick())
    // Deleted: nothing to reload, no change reported, the screen keeps what it has.
    try FileManager.default.removeItem(atPath: path)
    XCTAssertFalse(tick())
    XCTAssertFalse(tick())
    try "# 四\n".write(toFile: path, atomically: false, encoding: .utf8)
    XCTAssertFalse(tick())
    XCTAssertTrue(tick(), "back with new content")
    // `r` reloaded it: what was read is on screen, nothing more to report.
    try "# 五\n".write(toFile: path, atomically: false, encoding: .utf8)
    watcher.didReload(signature: FileSignature.of(path: path), now: now)
    XCTAssertFalse(tick())
    XCTAssertFalse(tick())
  }

  func testSignatureOfSomethingThatIsNotARegularFileIsNil() {
    XCTAssertNil(FileSignature.of(path: "/nonexistent/reader/file.md"))
    XCTAssertNil(FileSignature.of(path: FileManager.default.temporaryDirectory.path))
  }
}
