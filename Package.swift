// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The folders of libxml2's headers, as pkg-config names them (its own folder under /usr/include
/// on Debian). The libraries the reader opens when first needed (libxml2, libzip, OpenCC,
/// uchardet, libyaml: Sources/LazyLibrary) have no pkg-config name in their targets, which
/// would link them; the other headers are found under /usr/include as they are.
let libxml2HeaderFolders: [String] = {
  let pkgConfig = Process()
  pkgConfig.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  pkgConfig.arguments = ["pkg-config", "--cflags-only-I", "libxml-2.0"]
  let output = Pipe()
  pkgConfig.standardOutput = output
  pkgConfig.standardError = FileHandle.nullDevice
  guard (try? pkgConfig.run()) != nil else { return [] }
  let flags = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  pkgConfig.waitUntilExit()
  return flags.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    .filter { $0.hasPrefix("-I") }.map { String($0.dropFirst(2)) }
}()

// cmark-gfm is linked by its module map's name alone (its headers are in /usr/include), not
// through pkg-config, whose -L/usr/lib/x86_64-linux-gnu came before the release build's own
// search folder and kept the shared library in (see `make release`).
let package = Package(
  name: "reader",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "reader", targets: ["reader"]),
    // For the end-to-end tests only: loaded into tmux to make it a terminal whose ambiguous
    // characters are two columns wide (see Tests/AmbiguousWideTerminal).
    .library(name: "AmbiguousWideTerminal", type: .dynamic, targets: ["AmbiguousWideTerminal"]),
    // For the end-to-end tests only: loaded into the reader to note the size of each write to the
    // terminal (see Tests/TerminalWriteLog).
    .library(name: "TerminalWriteLog", type: .dynamic, targets: ["TerminalWriteLog"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CNcurses",
      path: "Sources/CNcurses",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    .systemLibrary(
      name: "CCmarkGFM",
      path: "Sources/CCmarkGFM",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .systemLibrary(
      name: "COpenCC",
      path: "Sources/COpenCC",
      providers: [.apt(["libopencc-dev"])]
    ),
    .systemLibrary(
      name: "CUchardet",
      path: "Sources/CUchardet",
      providers: [.apt(["libuchardet-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      path: "Sources/CLibXML2",
      providers: [.apt(["libxml2-dev"])]
    ),
    .systemLibrary(
      name: "CZip",
      path: "Sources/CZip",
      providers: [.apt(["libzip-dev"])]
    ),
    .systemLibrary(
      name: "CYAML",
      path: "Sources/CYAML",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(
      name: "CTerminalGuard",
      path: "Sources/CTerminalGuard",
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    .target(
      name: "ReaderAssets",
      path: "Assets",
      resources: [.embedInCode("openai-turmoil.md")]
    ),
    .target(
      name: "ReaderCore",
      dependencies: ["CCmarkGFM", "COpenCC", "CUchardet", "CLibXML2", "CZip", "CYAML"],
      path: "Sources/ReaderCore"
    ),
    .executableTarget(
      name: "reader",
      dependencies: [
        "ReaderCore",
        "ReaderAssets",
        "CNcurses",
        "CTerminalGuard",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/reader"
    ),
    .executableTarget(
      name: "reader-bench",
      dependencies: ["ReaderCore"],
      path: "Sources/reader-bench"
    ),
    .target(
      name: "AmbiguousWideTerminal",
      path: "Tests/AmbiguousWideTerminal"
    ),
    .target(
      name: "TerminalWriteLog",
      path: "Tests/TerminalWriteLog"
    ),
    .target(
      name: "EPUBFixtures",
      dependencies: ["CZip"],
      path: "Tests/EPUBFixtures",
      // It writes the fixtures with libzip's own functions, linked, not opened as the reader does.
      linkerSettings: [.linkedLibrary("zip")]
    ),
    .testTarget(
      name: "ReaderCoreTests",
      dependencies: ["ReaderCore", "ReaderAssets", "CNcurses", "EPUBFixtures"],
      path: "Tests/ReaderCoreTests",
      exclude: ["Snapshots"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["reader", "EPUBFixtures"],
      path: "Tests/EndToEndTests"
    ),
  ],
  swiftLanguageModes: [.v6]
)

// Every Swift target that sees ReaderCore's modules reads libxml2's headers.
//
// A generic type's metadata is made by a direct call to its accessor instead of from its mangled
// name: the runtime demangled each name and looked every conformance it needs up in the
// executable's whole conformance table (the static runtime and Foundation's are in it), a fifth
// of the instructions before the first screen.
for target in package.targets where target.type != .system {
  let headers = libxml2HeaderFolders.flatMap { ["-Xcc", "-I" + $0] }
  let metadata = ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]
  target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(headers + metadata)]
}
