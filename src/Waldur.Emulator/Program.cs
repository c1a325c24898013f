using Waldur.Emulator;

await EmulatorApp.Build(args).RunAsync();
