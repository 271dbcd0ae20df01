import XCTest

@testable import ReaderCore

final class KeymapTests: XCTestCase {
  func testNoKeyIsBoundTwice() {
    var seen: [Key: Command] = [:]
    for binding in Keymap.bindings {
      for key in binding.keys {
        XCTAssertNil(
          seen[key], "\(key) is bound to both \(seen[key].map { "\($0)" } ?? "") and \(binding.command)")
        seen[key] = binding.command
      }
    }
  }

  func testEveryBindingHasHelpAndEveryKeyDispatchesItsCommand() {
    for binding in Keymap.bindings {
      XCTAssertFalse(binding.help.isEmpty)
      for key in binding.keys { XCTAssertEqual(Keymap.command(for: key), binding.command) }
    }
  }

  func testTheLessAndVimKeysAreThere() {
    XCTAssertEqual(Keymap.command(for: .character("j")), .lineDown)
    XCTAssertEqual(Keymap.command(for: .character("k")), .lineUp)
    XCTAssertEqual(Keymap.command(for: .character(" ")), .pageDown)
    XCTAssertEqual(Keymap.command(for: .character("b")), .pageUp)
    XCTAssertEqual(Keymap.command(for: .character("G")), .bottom)
    XCTAssertEqual(Keymap.command(for: .character("q")), .quit)
  }
}
