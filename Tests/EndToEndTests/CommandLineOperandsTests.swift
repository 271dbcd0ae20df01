import ArgumentParser
import XCTest

@testable import reader

/// A command line of file names, on/off flags and options with a value is run without ArgumentParser;
/// what it runs must be what the parser would have made of the same words, and anything else must
/// still reach the parser.
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
    let (help, listed) = Self.optionsInTheHelp(withValue: false)
    let onOff = listed.subtracting(["--help", "--version"])
    XCTAssertGreaterThanOrEqual(onOff.count, 8, help)
    XCTAssertEqual(onOff, Set(ReaderOptions.flagNames), help)
  }

  /// The long names the help lists, of the options that take a value (`--width <width>`) or of
  /// those that do not.
  private static func optionsInTheHelp(withValue: Bool) -> (help: String, names: Set<String>) {
    let help = ReaderCommand.helpMessage(columns: 300)
    var names: Set<String> = []
    for line in help.split(separator: "\n") {
      let words = line.split(separator: " ")
      guard let first = words.first, first.hasPrefix("--") else { continue }
      if (words.count > 1 && words[1].hasPrefix("<")) == withValue { names.insert(String(first)) }
    }
    return (help, names)
  }

  func testOptionsWithAValueGiveWhatTheParserGives() throws {
    var lines: [[String]] = [
      ["--width", "60", "--print", "a.md"], ["a.md", "--width=0"], ["--width", "060"], ["--measure", "0"],
      ["--measure=72", "b.epub"], ["--theme", "light"], ["--theme=mono", "x.txt"], ["--theme", "dark"],
      ["--script", "simplified", "a.md"], ["--script=traditional"], ["--script", "original", "-"],
      ["--lang", "zh-Hant"], ["--lang", "AUTO"], ["--lang=zh-hans", "a.md"], ["--ambiguous-width", "wide"],
      ["--ambiguous-width=narrow"], ["--encoding", "GBK", "小說.txt"], ["--encoding=BIG5"],
      ["--encoding", "utf-16le", "--no-reflow", "a.txt"],
    ]
    lines.append(
      [
        "a.md", "--width", "50", "--measure", "40", "--theme", "light", "--script", "simplified", "--lang",
        "en",
      ]
        + ["--ambiguous-width", "auto", "--encoding", "GB18030", "--print", "--vocabulary", "b.md"])
    for arguments in lines {
      let skipped = try XCTUnwrap(
        ReaderOptions.withoutParser(arguments, subcommands: subcommands), "\(arguments)")
      // The parser's run reads whether --script was given from the process's own arguments.
      var parsed = try ReaderCommand.parse(arguments).options
      parsed.scriptWasGiven = skipped.scriptWasGiven
      XCTAssertEqual(skipped, parsed, "\(arguments)")
      XCTAssertEqual(
        skipped.scriptWasGiven, arguments.contains { $0 == "--script" || $0.hasPrefix("--script=") },
        "\(arguments)")
    }
    // Each option sets a field of its own.
    let values = [
      "--width": "7", "--measure": "9", "--theme": "mono", "--script": "traditional", "--lang": "en",
      "--ambiguous-width": "wide", "--encoding": "GBK",
    ]
    XCTAssertEqual(Set(values.keys), Set(ReaderOptions.valueOptionNames))
    let alone = try values.map {
      try XCTUnwrap(ReaderOptions.withoutParser([$0.key, $0.value], subcommands: subcommands), $0.key)
    }
    XCTAssertEqual(Set(alone.map { "\($0)" }).count, values.count)
    XCTAssertFalse(alone.contains(ReaderOptions()))
  }

  func testEveryOptionWithAValueOfTheCommandIsKnownWithoutTheParser() {
    let (help, withValue) = Self.optionsInTheHelp(withValue: true)
    XCTAssertGreaterThanOrEqual(withValue.count, 7, help)
    XCTAssertEqual(withValue, Set(ReaderOptions.valueOptionNames), help)
  }

  func testAnythingForTheParserStillGoesToIt() {
    for arguments in [
      ["a.md", "-w"], ["--"], ["help"], ["a.md", "convert"], ["a.md", ""], ["--version"], ["-h"], ["--help"],
      ["--print", "--print", "a.md"], ["--print=true"], ["--prin"], ["--width", "40", "--width", "50"],
      ["--theme", "light", "--theme=dark"], ["--encoding", "help"], ["--encoding", "convert", "a.md"],
    ] {
      XCTAssertNil(ReaderOptions.withoutParser(arguments, subcommands: subcommands), "\(arguments)")
    }
  }

  func testAValueTheParserRefusesIsLeftToItToSayWhy() {
    for arguments in [
      ["a.md", "--width"], ["--width", "-5"], ["--width=-5"], ["--width", "abc"], ["--width", ""],
      ["--width="],
      ["--measure", "-1"], ["--theme", "blue"], ["--theme", "Light"], ["--script", "klingon"],
      ["--lang", "fr"],
      ["--ambiguous-width", "huge"], ["--encoding", "--print", "a.md"], ["--encoding"],
    ] {
      XCTAssertNil(ReaderOptions.withoutParser(arguments, subcommands: subcommands), "\(arguments)")
      XCTAssertThrowsError(try ReaderCommand.parse(arguments), "\(arguments)")
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
