import Foundation
import XCTest

/// `reader convert --config NAME` against OpenCC's own test cases, with the OpenCC 1.4.2
/// dictionaries that `make build` compiles beside the executable.
final class OpenCCConformanceTests: XCTestCase {
  /// One case of OpenCC 1.4.2's testcases.json.
  private struct Case: Decodable {
    var id: String
    var input: String
    var expected: [String: String]
  }

  private struct Cases: Decodable {
    var cases: [Case]
  }

  func testEveryOpenCC142CasePasses() throws {
    let cases = try JSONDecoder().decode(
      Cases.self, from: Data(TestFixtures.bytes("opencc/testcases-1.4.2.json"))
    ).cases
    let configs = Set(cases.flatMap(\.expected.keys)).sorted()
    var failures: [String] = []
    var checks = 0
    var passedChecks = 0
    var failedCases = Set<String>()
    for config in configs {
      let selected = cases.filter { $0.expected[config] != nil }
      XCTAssertFalse(selected.contains { $0.input.contains("\n") }, "one case per line")
      let input = selected.map(\.input).joined(separator: "\n") + "\n"
      let output = try ReaderProcess.run(["convert", "--config", config], input: Array(input.utf8))
      XCTAssertEqual(output.status, 0, "\(config): \(output.standardError)")
      XCTAssertEqual(output.standardError, "", "\(config) must come from the compiled 1.4.2 dictionaries")
      let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      XCTAssertEqual(lines.count, selected.count, config)
      for (testCase, line) in zip(selected, lines) {
        checks += 1
        if String(line) == testCase.expected[config] {
          passedChecks += 1
        } else {
          failedCases.insert(testCase.id)
          failures.append(
            "\(config) \(testCase.id): \(testCase.input) → \(line), expected \(testCase.expected[config]!)")
        }
      }
    }
    let passedCases = cases.count - failedCases.count
    print("OpenCC 1.4.2 conformance: \(passedCases)/\(cases.count) cases, \(passedChecks)/\(checks) checks")
    XCTAssertEqual(cases.count, 243)
    XCTAssertEqual(checks, 556)
    XCTAssertEqual(passedCases, 243, failures.prefix(20).joined(separator: "\n"))
    XCTAssertEqual(passedChecks, 556)
  }

  /// OpenCC 1.1.6's cases, which Debian's library and dictionaries pass, pass with 1.4.2's too.
  func testEveryOpenCC116CaseStillPasses() throws {
    for config in [
      "hk2s", "hk2t", "jp2t", "s2hk", "s2t", "s2tw", "s2twp", "t2hk", "t2jp", "t2s", "tw2s", "tw2sp", "tw2t",
    ] {
      let input = try TestFixtures.bytes("opencc/v1.1.6/\(config).in")
      let answer = try TestFixtures.bytes("opencc/v1.1.6/\(config).ans")
      XCTAssertFalse(input.isEmpty)
      let output = try ReaderProcess.run(["convert", "--config", config], input: input)
      XCTAssertEqual(output.status, 0, "\(config): \(output.standardError)")
      XCTAssertEqual(output.text, String(decoding: answer, as: UTF8.self), config)
    }
  }
}
