package dev.todobot.todoctl.cli;

import java.io.IOException;
import java.io.PrintWriter;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong into a one-line message and one of the {@link ExitCodes}, instead
 * of a stack trace.
 */
public final class FailureHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine command = ex.getCommandLine();
		PrintWriter err = command.getErr();
		err.println(ex.getMessage());
		UnmatchedArgumentException.printSuggestions(ex, err);
		err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
		err.flush();
		return ExitCodes.USAGE;
	}

	@Override
	public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
		PrintWriter err = command.getErr();
		int exitCode;
		if (ex instanceof CommandFailure failure) {
			err.println(failure.getMessage());
			exitCode = failure.exitCode();
		}
		else if (ex instanceof KubernetesClientTimeoutException) {
			err.println("Timed out: " + ex.getMessage());
			exitCode = ExitCodes.TIMEOUT;
		}
		else if (ex instanceof KubernetesClientException && ioCause(ex) != null) {
			Throwable cause = ioCause(ex);
			err.println("Cannot reach the cluster's API server (" + cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "")
					+ "). Check --context, the kubeconfig and the network.");
			exitCode = ExitCodes.UNREACHABLE;
		}
		else {
			err.println("Failed: " + ex.getMessage());
			exitCode = ExitCodes.FINDINGS;
		}
		err.flush();
		return exitCode;
	}

	/**
	 * The I/O failure that says what went wrong: the first one more specific than a plain
	 * IOException (ConnectException, UnknownHostException, ...), else the first one.
	 */
	private static Throwable ioCause(Throwable ex) {
		Throwable found = null;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException && cause.getClass() != IOException.class) {
				return cause;
			}
			if (cause instanceof IOException && found == null) {
				found = cause;
			}
		}
		return found;
	}

}
