import Foundation
import Glibc
import ReaderCore
import Synchronization
import XCTest

@testable import reader

/// The start-up probe against a fake terminal on a pseudo-terminal: it answers the cursor
/// position request as a terminal with narrow or wide ambiguous characters would, or not at all.
final class AmbiguousWidthProbeTests: XCTestCase {
  /// Runs the probe on the terminal side of a new pty while `answer` plays the terminal on the
  /// other; returns what the probe decided and what it wrote.
  private func probe(answer: @escaping @Sendable (Int32, String) -> Void) throws -> (
    AmbiguousWidthProbe.Answer, String
  ) {
    // posix_openpt and friends are hidden from Swift's Glibc: the same with /dev/ptmx and the
    // two ioctls they use (TIOCSPTLCK to unlock, TIOCGPTN for the number), as Linux defines them.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0
    else {
      XCTFail("no pseudo-terminal")
      return (AmbiguousWidthProbe.Answer(width: nil), "")
    }
    defer { close(master) }
    let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    XCTAssertGreaterThanOrEqual(slave, 0)
    defer { close(slave) }
    let written = Mutex("")
    let player = Thread {
      var seen = ""
      var buffer = [UInt8](repeating: 0, count: 256)
      while !seen.contains("\u{1B}[6n") {
        let count = read(master, &buffer, buffer.count)
        if count <= 0 { break }
        seen += String(decoding: buffer[0..<count], as: UTF8.self)
      }
      answer(master, seen)
      // What the probe writes after the answer (blanking the line), for the test to see.
      var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      while poll(&descriptor, 1, 300) > 0 {
        let count = read(master, &buffer, buffer.count)
        if count <= 0 { break }
        seen += String(decoding: buffer[0..<count], as: UTF8.self)
      }
      written.withLock { $0 = seen }
    }
    player.start()
    let width = AmbiguousWidthProbe.run(input: slave, output: slave)
    while player.isExecuting || !player.isFinished { usleep(10_000) }
    return (width, written.withLock { $0 })
  }

  private static func send(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }

  func testATerminalThatMovesTwoColumnsIsWide() throws {
    let (width, written) = try probe { master, _ in Self.send("\u{1B}[12;3R", to: master) }
    XCTAssertEqual(width, AmbiguousWidthProbe.Answer(width: .wide))
    XCTAssertTrue(written.hasPrefix("\r\u{201C}\u{1B}[6n"), written.debugDescription)
    XCTAssertTrue(written.hasSuffix("\r\u{1B}[K"), "the line is blanked again: \(written.debugDescription)")
  }

  func testATerminalThatMovesOneColumnIsNarrow() throws {
    let (width, _) = try probe { master, _ in Self.send("\u{1B}[1;2R", to: master) }
    XCTAssertEqual(width, AmbiguousWidthProbe.Answer(width: .narrow))
  }

  func testKeysTypedAroundTheAnswerAreKeptForTheViewer() throws {
    let (answer, _) = try probe { master, _ in Self.send("j\u{1B}[40;3RG", to: master) }
    XCTAssertEqual(answer, AmbiguousWidthProbe.Answer(width: .wide, typedAhead: Array("jG".utf8)))
  }

  func testNoAnswerIsNoWidth() throws {
    let (width, written) = try probe { _, _ in }
    XCTAssertNil(width.width, "the caller takes it as narrow")
    XCTAssertEqual(width.typedAhead, [])
    XCTAssertTrue(written.hasSuffix("\r\u{1B}[K"))
  }

  func testRepliesAreReadOnlyWhenWhole() {
    XCTAssertEqual(AmbiguousWidthProbe.width(fromReply: Array("\u{1B}[3;3R".utf8)), .wide)
    XCTAssertEqual(AmbiguousWidthProbe.width(fromReply: Array("\u{1B}[3;2R".utf8)), .narrow)
    for reply in ["\u{1B}[3;3", "\u{1B}[3R", "\u{1B}[;3R", "[3;3R", "\u{1B}[3;9R", "\u{1B}[3;xR"] {
      XCTAssertNil(AmbiguousWidthProbe.width(fromReply: Array(reply.utf8)), reply.debugDescription)
    }
  }
}
