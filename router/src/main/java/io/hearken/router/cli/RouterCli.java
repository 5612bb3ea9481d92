package io.hearken.router.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code router.jar train | evaluate | compare | help}: an office trains, checks and compares models
 * on its own history, without Spring or Kafka. Without a command the jar starts the router service.
 */
@Command(name = "router.jar", mixinStandardHelpOptions = true, version = "Hearken router",
        subcommands = {TrainCommand.class, EvaluateCommand.class, CompareCommand.class, CommandLine.HelpCommand.class},
        description = {"The Hearken router's model tool. Without a command (or with Spring Boot options such as",
                "--server.port=8082) the jar starts the router service instead.",
                "CSV: UTF-8 with a header row naming the columns text and label (RFC 4180 quoting);",
                "other columns are ignored; any labels, any number of classes."})
public final class RouterCli implements Runnable {

    public static final Set<String> COMMANDS = Set.of("train", "evaluate", "compare", "help", "--help", "-h", "--version", "-V");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** True when the arguments ask for the tool rather than the service. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Returns the process exit code: 0 done, 2 bad usage or input. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new RouterCli());
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        cli.setOut(o);
        cli.setErr(e);
        // Bad input is the user's to fix: the reason, without a stack trace or the usage text.
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("error: " + ex.getMessage());
            return 2;
        });
        // A mistyped option is named first (picocli would otherwise only miss the option it replaced).
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine line = ex.getCommandLine();
            line.getUnmatchedArguments().stream().filter(a -> a.startsWith("-"))
                    .forEach(a -> line.getErr().println("Unknown option: '" + a + "'"));
            line.getErr().println(ex.getMessage());
            line.usage(line.getErr());
            return line.getCommandSpec().exitCodeOnInvalidInput();
        });
        int code = cli.execute(args);
        o.flush();
        e.flush();
        return code;
    }
}
