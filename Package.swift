// swift-tools-version:6.0
// mailmigrate: sources → importers → canonical accounts → validation → sinks.
import PackageDescription

let package = Package(
    name: "mailmigrate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mailmigrate", targets: ["mailmigrate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Connect tests: the event loop, TCP and TLS (BoringSSL inside swift-nio-ssl).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Run logs for cron (`run --log FILE`).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // System libraries (Debian: libxml2-dev, libsqlite3-dev, zlib1g-dev).
        .systemLibrary(
            name: "CLibXML", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),

        // The canonical account model: pure Swift, no I/O, no dependencies.
        .target(name: "MailModel"),

        // How each system's fields map to the canonical model, both ways
        // (OpenXE tables); importers and exporters share these tables.
        .target(name: "Mappings", dependencies: ["MailModel"]),
        // Sources → canonical accounts.
        .target(name: "Importers", dependencies: ["MailModel", "Mappings", "CZlib", "CLibXML"]),
        // Connect tests: IMAP, POP3 and SMTP sessions against the real servers.
        .target(
            name: "ConnectTest",
            dependencies: [
                "MailModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // Rules over canonical accounts.
        .target(name: "Validation", dependencies: ["MailModel"]),
        // Canonical accounts → SQLite store and files.
        .target(name: "Exporters", dependencies: ["MailModel", "Mappings", "CSQLite", "CZlib"]),
        // The command line: wiring and user interface only.
        .executableTarget(
            name: "mailmigrate",
            dependencies: [
                "MailModel", "Mappings", "Importers", "Validation", "ConnectTest", "Exporters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),

        // Helpers the test targets share (temporary directories, shell commands).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ModelTests", dependencies: ["MailModel", "TestSupport"]),
        .testTarget(name: "MappingTests", dependencies: ["Mappings", "MailModel", "TestSupport"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importers", "Mappings", "MailModel", "TestSupport"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "MailModel", "TestSupport"]),
        // Against the real Dovecot and Postfix of scripts/mail-servers.
        .testTarget(name: "ConnectTestTests", dependencies: ["ConnectTest", "MailModel", "TestSupport"]),
        .testTarget(name: "ExporterTests", dependencies: ["Exporters", "Importers", "MailModel", "TestSupport"]),
        // Runs the built `mailmigrate` binary as a user would.
        .testTarget(name: "EndToEndTests", dependencies: ["mailmigrate", "Importers", "TestSupport"]),
    ]
)
