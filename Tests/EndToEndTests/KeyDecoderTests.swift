import CNcurses
import ReaderCore
import XCTest

@testable import reader

/// The control keys of the search prompt's line editing reach the core as the keys it binds.
final class KeyDecoderTests: XCTestCase {
  private func key(_ code: Int32, function: Bool = false) -> Key? {
    guard case .key(let key) = KeyDecoder.decode(code: code, isFunctionKey: function) else { return nil }
    return key
  }

  func testLineEditingKeysDecodeToThePromptsBindings() {
    let expected: [(Int32, Key, Command)] = [
      (1, .control("a"), .moveSearchCursor), (5, .control("e"), .moveSearchCursor),
      (21, .control("u"), .deleteSearchText), (23, .control("w"), .deleteSearchText),
      (127, .backspace, .deleteSearchText), (8, .backspace, .deleteSearchText),
      (3, .control("c"), .cancelSearch), (27, .escape, .cancelSearch),
      (18, .control("r"), .toggleSearchRegex),
      (10, .enter, .submitSearch), (13, .enter, .submitSearch),
    ]
    for (code, decoded, command) in expected {
      XCTAssertEqual(key(code), decoded, "code \(code)")
      XCTAssertEqual(Keymap.command(for: decoded, in: .searchPrompt), command, "\(decoded)")
    }
    let named: [(Int32, Key, Command)] = [
      (KEY_LEFT, .left, .moveSearchCursor), (KEY_RIGHT, .right, .moveSearchCursor),
      (KEY_HOME, .home, .moveSearchCursor), (KEY_END, .end, .moveSearchCursor),
      (KEY_UP, .up, .recallSearch), (KEY_DOWN, .down, .recallSearch),
      (KEY_BACKSPACE, .backspace, .deleteSearchText), (KEY_DC, .delete, .deleteSearchText),
    ]
    for (code, decoded, command) in named {
      XCTAssertEqual(key(code, function: true), decoded, "\(decoded)")
      XCTAssertEqual(Keymap.command(for: decoded, in: .searchPrompt), command, "\(decoded)")
    }
  }
}
