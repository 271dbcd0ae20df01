import ArgumentParser
import XCTest

@testable import reader

/// A command line of file names alone is run without ArgumentParser; what it runs must be what the
/// parser would have made of the same words, and anything else must still reach the parser.
final class CommandLineOperandsTests: XCTestCase {
  private let subcommands = ["convert"]

  func testFileNamesAloneGiveWhatTheParserGives() throws {
    for arguments in [[], ["book.epub"], ["a.md", "-", "第三章.txt"], ["notes/"]] {
      let skipped = try XCTUnwrap(
        ReaderOptions.operandsOnly(arguments, subcommands: subcommands), "\(arguments)")
      XCTAssertEqual(skipped, try ReaderCommand.parse(arguments).options, "\(arguments)")
      XCTAssertEqual(skipped.files, arguments)
    }
  }

  func testAnythingForTheParserStillGoesToIt() {
    for arguments in [
      ["--print", "a.md"], ["a.md", "--width", "40"], ["a.md", "-w"], ["--"], ["help"], ["a.md", "convert"],
      ["a.md", ""], ["--version"], ["-h"],
    ] {
      XCTAssertNil(ReaderOptions.operandsOnly(arguments, subcommands: subcommands), "\(arguments)")
    }
  }

  func testTheParsedDefaultsAreTheRunsDefaults() throws {
    let parsed = try ReaderCommand.parse(["a.md"]).options
    XCTAssertEqual(parsed.width, 80)
    XCTAssertEqual(parsed.theme, .dark)
    XCTAssertEqual(parsed.script, .original)
    XCTAssertFalse(parsed.scriptWasGiven)
    XCTAssertEqual(try ReaderCommand.parse(["--width", "40", "a.md"]).options.width, 40)
  }
}
