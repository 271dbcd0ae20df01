import ArgumentParser
import XCTest

@testable import reader

/// A command line of file names and on/off flags is run without ArgumentParser; what it runs must be
/// what the parser would have made of the same words, and anything else must still reach the parser.
final class CommandLineOperandsTests: XCTestCase {
  private let subcommands = ["convert"]

  func testFileNamesAloneGiveWhatTheParserGives() throws {
    for arguments in [[], ["book.epub"], ["a.md", "-", "第三章.txt"], ["notes/"]] {
      let skipped = try XCTUnwrap(
        ReaderOptions.withoutParser(arguments, subcommands: subcommands), "\(arguments)")
      XCTAssertEqual(skipped, try ReaderCommand.parse(arguments).options, "\(arguments)")
      XCTAssertEqual(skipped.files, arguments)
    }
  }

  func testOnOffFlagsAnywhereGiveWhatTheParserGives() throws {
    let flags = ReaderOptions.flagNames.sorted()
    var lines =
      flags.map { [$0] } + flags.map { ["a.md", $0, "-"] } + [flags + ["b.epub"], ["x.txt"] + flags]
    lines += [["--print", "--no-remember", "第三章.txt"], ["--shelf"], ["--outline", "--factions", "a.md"]]
    for arguments in lines {
      let skipped = try XCTUnwrap(
        ReaderOptions.withoutParser(arguments, subcommands: subcommands), "\(arguments)")
      XCTAssertEqual(skipped, try ReaderCommand.parse(arguments).options, "\(arguments)")
    }
    // Each flag sets a field of its own.
    let alone = try flags.map { try XCTUnwrap(ReaderOptions.withoutParser([$0], subcommands: subcommands)) }
    XCTAssertEqual(Set(alone.map { "\($0)" }).count, flags.count)
    XCTAssertFalse(alone.contains(ReaderOptions()))
  }

  func testEveryOnOffFlagOfTheCommandIsKnownWithoutTheParser() {
    // A flag added to ReaderCommand and not to `ReaderOptions.flagNames` would still work (through
    // the parser), but slowly; one added to `flagNames` (and `turnOn`) under a wrong name is caught above.
    let help = ReaderCommand.helpMessage(columns: 300)
    var onOff: Set<String> = []
    for line in help.split(separator: "\n") {
      let words = line.split(separator: " ")
      guard let first = words.first, first.hasPrefix("--"), words.count < 2 || !words[1].hasPrefix("<") else {
        continue
      }
      onOff.insert(String(first))
    }
    onOff.subtract(["--help", "--version"])
    XCTAssertGreaterThanOrEqual(onOff.count, 8, help)
    XCTAssertEqual(onOff, Set(ReaderOptions.flagNames), help)
  }

  func testAnythingForTheParserStillGoesToIt() {
    for arguments in [
      ["a.md", "--width", "40"], ["a.md", "-w"], ["--"], ["help"], ["a.md", "convert"], ["a.md", ""],
      ["--version"], ["-h"], ["--help"], ["--print", "--print", "a.md"], ["--print=true"], ["--prin"],
      ["--script", "simplified", "a.md"], ["--no-remember", "--theme", "light"],
    ] {
      XCTAssertNil(ReaderOptions.withoutParser(arguments, subcommands: subcommands), "\(arguments)")
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
