import XCTest

@testable import ReaderCore

final class KeymapTests: XCTestCase {
  func testNoKeyIsBoundTwiceWhereItApplies() {
    var seen: [KeyContext: [Key: Command]] = [:]
    for binding in Keymap.bindings {
      for key in binding.keys {
        let earlier = seen[binding.context]?[key]
        XCTAssertNil(earlier, "\(key) in \(binding.context) is bound to \(String(describing: earlier)) too")
        seen[binding.context, default: [:]][key] = binding.command
      }
    }
  }

  func testEveryBindingHasHelpAndEveryKeyDispatchesItsCommand() {
    for binding in Keymap.bindings {
      XCTAssertFalse(binding.help.isEmpty)
      for key in binding.keys {
        XCTAssertEqual(Keymap.command(for: key, in: binding.context), binding.command)
      }
    }
  }

  func testTheLessAndVimKeysAreThere() {
    XCTAssertEqual(Keymap.command(for: .character("j")), .lineDown)
    XCTAssertEqual(Keymap.command(for: .character("k")), .lineUp)
    XCTAssertEqual(Keymap.command(for: .character(" ")), .pageDown)
    XCTAssertEqual(Keymap.command(for: .character("b")), .pageUp)
    XCTAssertEqual(Keymap.command(for: .character("G")), .bottom)
    XCTAssertEqual(Keymap.command(for: .character("q")), .quit)
    XCTAssertEqual(Keymap.command(for: .character("q"), in: .factionPanel), .quit, "q quits from anywhere")
  }

  func testTheHelpListsEveryBindingFromTheTable() {
    let state = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: TerminalSize(width: 120, height: 60)),
      .key(.character("?")))
    XCTAssertEqual(state.overlay, .help)
    let frame = FrameRenderer.render(state)
    let screen = (0..<frame.height).map { frame.text(ofRow: $0) }.joined(separator: "\n")
    // The shelf's keys are on its own status line, those after : in the : line (DocumentSequenceTests).
    for binding in Keymap.bindings where binding.context != .shelf && binding.context != .colonCommand {
      XCTAssertTrue(screen.contains(binding.help), "help shows: \(binding.help)")
      let keys = binding.keys.map(\.description).joined(separator: " ")
      XCTAssertTrue(screen.contains(keys), "help shows keys \(keys)")
    }
    XCTAssertNil(Reducer.reduce(state, .key(.character("x"))).overlay, "any key closes the help")
  }

  func testOnAnOrdinaryTerminalTheHelpShowsEveryKeyInTwoColumns() {
    let state = Reducer.reduce(
      ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30)),
      .key(.character("?")))
    let frame = FrameRenderer.render(state)
    let screen = (0..<frame.height).map { frame.text(ofRow: $0) }.joined(separator: "\n")
    for binding in Keymap.bindings where binding.context != .shelf && binding.context != .colonCommand {
      let keys = binding.keys.map(\.description).joined(separator: " ")
      XCTAssertTrue(screen.contains(keys + " "), "help shows keys \(keys) at 100x30")
    }
    for row in frame.rows { XCTAssertEqual(row.reduce(0) { $0 + $1.width }, 100) }
  }
}
