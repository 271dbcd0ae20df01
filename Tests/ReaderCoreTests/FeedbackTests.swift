import XCTest

@testable import ReaderCore

/// The status line says what happened, and why when nothing could.
final class FeedbackTests: XCTestCase {
  private func start() -> ReaderState {
    ReaderState(document: Fixtures.article, size: TerminalSize(width: 100, height: 30))
  }

  private func status(_ state: ReaderState) -> String {
    FrameRenderer.render(state).text(ofRow: state.size.height - 1)
  }

  func testAReloadThatCannotHappenSaysWhyInsteadOfReloading() {
    let pressed = press(.character("r"), on: start())
    for (failure, words) in [
      (ReloadFailure.standardInput, "standard input"), (.bundledArticle, "bundled article"),
      (.missing, "the file is gone"), (.unreadable("permission denied"), "permission denied"),
    ] {
      let failed = Reducer.reduce(pressed, .reloadFailed(failure))
      XCTAssertTrue(status(failed).contains("cannot reload"), status(failed))
      XCTAssertTrue(status(failed).contains(words), status(failed))
      XCTAssertFalse(status(failed).contains("reloading"))
      XCTAssertEqual(failed.anchor, pressed.anchor, "the text stays")
    }
  }

  func testAnUnknownKeyPointsAtTheHelpOnceASession() {
    let first = press(.character("x"), on: start())
    XCTAssertTrue(status(first).contains("press ? for help"), status(first))
    let next = press(.character("j"), on: first)
    XCTAssertFalse(status(next).contains("press ? for help"))
    let again = press(.character("Z"), on: next)
    XCTAssertFalse(status(again).contains("press ? for help"), "said once only")
    XCTAssertEqual(again.anchor, next.anchor, "an unknown key moves nothing")
  }

  func testVocabularyInTheTextAsWrittenSaysItTakesEffectInTraditionalOrSimplified() {
    let original = press(.character("V"), on: start())
    XCTAssertTrue(original.setting.vocabulary)
    XCTAssertTrue(status(original).contains("takes effect in 繁體/简体"), status(original))
    let off = press(.character("V"), on: original)
    XCTAssertTrue(status(off).contains("off"), status(off))
    let traditional = press(.character("t"), .character("V"), on: start())
    XCTAssertEqual(traditional.setting.script, .traditional)
    XCTAssertFalse(status(traditional).contains("takes effect"), status(traditional))
  }
}
