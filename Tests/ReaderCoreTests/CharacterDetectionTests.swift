import Foundation
import XCTest

@testable import ReaderCore

/// The 简/繁 marks come from OpenCC's character dictionaries alone (`reader-t2s-characters`,
/// `reader-s2t-characters`, a few hundred kilobytes), not from t2s and s2t with their 8 MB of
/// phrases: a character asked alone on its line gets the same answer from both, so the marks and
/// the toggle's text are what the whole configurations give, and the first screen and the
/// detection open no phrase dictionary at all.
final class CharacterDetectionTests: XCTestCase {
  /// The compiled dictionaries without the characters-only configurations, so that detection
  /// falls back to OpenCC's whole t2s and s2t (what it used before).
  private func wholeConfigurationLibrary() throws -> OpenCCLibrary {
    let compiled = try XCTUnwrap(OpenCCLibrary.shared.locate("s2t")).deletingLastPathComponent
    XCTAssertTrue(FileManager.default.fileExists(atPath: compiled + "/" + OpenCCLibrary.compiledMarker))
    let directory = NSTemporaryDirectory() + "reader-whole-opencc-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
    for name in try FileManager.default.contentsOfDirectory(atPath: compiled)
    where !name.hasSuffix("-characters.json") {
      try FileManager.default.createSymbolicLink(
        atPath: directory + "/" + name, withDestinationPath: compiled + "/" + name)
    }
    return OpenCCLibrary(dataDirectories: [directory])
  }

  private func detected(_ document: Document, with library: OpenCCLibrary) -> ReaderState {
    let state = ReaderState(
      document: document, size: TerminalSize(width: 100, height: 30),
      converter: ScriptConverter(library: library))
    state.conversions.detectScripts()
    return state
  }

  private func marks(_ state: ReaderState) -> [Int: String] {
    ScriptMarks.marks(for: state, entries: 0..<state.document.outline.entries.count)
  }

  func testTheArticlesSimplifiedAndTraditionalParagraphsGetTheMarksOfTheWholeConfigurations() throws {
    let whole = try wholeConfigurationLibrary()
    let characters = OpenCCLibrary(dataDirectories: OpenCCLibrary.standardDataDirectories)
    let byCharacters = detected(Fixtures.article, with: characters)
    let byWhole = detected(Fixtures.article, with: whole)
    XCTAssertTrue(characters.openedNames.contains(ScriptDetector.toTraditional.characters))
    XCTAssertFalse(whole.openedNames.contains(ScriptDetector.toTraditional.characters))
    let scripts = try XCTUnwrap(byCharacters.conversions.documentScripts)
    XCTAssertEqual(scripts.blockScripts, byWhole.conversions.documentScripts?.blockScripts)
    XCTAssertEqual(marks(byCharacters), [4: "简", 9: "简", 10: "简"])
    XCTAssertEqual(marks(byCharacters), marks(byWhole))
    XCTAssertEqual(scripts.minorityLabel, "11 句简体")
    XCTAssertEqual(byWhole.conversions.documentScripts?.minorityLabel, "11 句简体")
    // Paragraph by paragraph: the five with Simplified text, and every other paragraph Traditional
    // (or without a distinct character), as the whole configurations say.
    var simplified: [String] = []
    var traditional = 0
    for (block, script) in zip(Fixtures.article.blocks, scripts.blockScripts) {
      guard case .paragraph(let runs) = block.kind else { continue }
      let text = runs.plainText
      if script.containsSimplified {
        simplified.append(ScriptDetectorTests.simplifiedParagraphs.first { text.hasPrefix($0) } ?? text)
      } else if script == .traditional {
        traditional += 1
      } else {
        XCTAssertEqual(script, .neutral, text)
      }
    }
    XCTAssertEqual(simplified, ScriptDetectorTests.simplifiedParagraphs)
    XCTAssertGreaterThan(traditional, 20)
  }

  func testTheFixturesGetTheMarksOfTheWholeConfigurations() throws {
    let whole = try wholeConfigurationLibrary()
    let characters = OpenCCLibrary(dataDirectories: OpenCCLibrary.standardDataDirectories)
    for document in [FixtureDocuments.journeyToTheWest, FixtureDocuments.simplifiedNewsletter] {
      let byCharacters = detected(document, with: characters)
      let byWhole = detected(document, with: whole)
      XCTAssertEqual(marks(byCharacters), marks(byWhole), document.title)
      XCTAssertEqual(
        byCharacters.conversions.documentScripts?.blockScripts,
        byWhole.conversions.documentScripts?.blockScripts,
        document.title)
      XCTAssertEqual(
        byCharacters.conversions.documentScripts?.minorityLabel,
        byWhole.conversions.documentScripts?.minorityLabel, document.title)
    }
  }

  func testEveryHanCharacterAloneIsAnsweredAsTheWholeConfigurationsAnswer() throws {
    let whole = try wholeConfigurationLibrary()
    var lines = ""
    for range in [0x2E80...0x2FDF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F] {
      for value in range {
        guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
        lines.unicodeScalars.append(scalar)
        lines.unicodeScalars.append("\n")
      }
    }
    for names in [ScriptDetector.toSimplified, ScriptDetector.toTraditional] {
      let characters = try OpenCCLibrary.shared.converter(named: names.characters)
      let converted = try characters.convert(lines)
      XCTAssertNotEqual(converted, lines, names.characters)
      XCTAssertTrue(converted == (try whole.converter(named: names.phrases).convert(lines)), names.characters)
    }
  }

  func testTheFirstScreenAndTheDetectionOpenNoPhraseDictionaryUntilT() throws {
    let library = OpenCCLibrary(dataDirectories: OpenCCLibrary.standardDataDirectories)
    let state = detected(Fixtures.article, with: library)
    _ = FrameRenderer.render(state)
    let detection: Set = [
      ScriptDetector.toSimplified.characters, ScriptDetector.toTraditional.characters,
      ScriptDetector.distinctToSimplified, ScriptDetector.distinctToTraditional,
    ]
    XCTAssertEqual(library.openedNames, detection)
    let traditional = press(.character("t"), on: state)
    XCTAssertEqual(traditional.setting.script, .traditional)
    XCTAssertEqual(library.openedNames, detection.union(["s2tw"]))
    _ = press(.character("t"), on: traditional)
    XCTAssertEqual(library.openedNames, detection.union(["s2tw", "tw2s"]))
  }

  func testTheToggleConvertsAsWithTheWholeConfigurations() throws {
    let whole = ScriptConverter(library: try wholeConfigurationLibrary())
    let characters = ScriptConverter(
      library: OpenCCLibrary(dataDirectories: OpenCCLibrary.standardDataDirectories))
    for script in [DisplayScript.traditional, .simplified] {
      let byCharacters = DocumentPrinter.text(
        of: try characters.convert(Fixtures.article, to: script), width: 0)
      XCTAssertEqual(
        byCharacters, DocumentPrinter.text(of: try whole.convert(Fixtures.article, to: script), width: 0))
      XCTAssertNotEqual(byCharacters, DocumentPrinter.text(of: Fixtures.article, width: 0))
    }
  }
}

extension String {
  fileprivate var deletingLastPathComponent: String { (self as NSString).deletingLastPathComponent }
}
