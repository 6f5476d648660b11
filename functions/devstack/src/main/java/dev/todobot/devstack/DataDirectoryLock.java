package dev.todobot.devstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * One devstack per data directory: an operating-system lock on a file in it, held while
 * the stack runs and released by the system when the process ends, however it ends. The
 * file says which process holds it and whether that one is running or already stopping,
 * so that a start right after a Ctrl-C waits for the stopping stack instead of failing.
 */
final class DataDirectoryLock implements AutoCloseable {

	private static final String FILE = "devstack.lock";

	private static final String STOPPING = "stopping";

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock, waiting for a devstack that is stopping.
	 * @param dataDirectory the data directory, which exists
	 * @param stopWait how long to wait for a stopping devstack
	 * @return the held lock
	 * @throws IllegalStateException when another devstack runs on the directory, or did
	 * not finish stopping in time
	 */
	static DataDirectoryLock acquire(Path dataDirectory, Duration stopWait) throws IOException, InterruptedException {
		FileChannel channel = FileChannel.open(dataDirectory.resolve(FILE), StandardOpenOption.CREATE,
				StandardOpenOption.READ, StandardOpenOption.WRITE);
		try {
			Instant deadline = Instant.now().plus(stopWait);
			while (true) {
				FileLock lock = tryLock(channel);
				if (lock != null) {
					DataDirectoryLock held = new DataDirectoryLock(channel, lock);
					held.write(ProcessHandle.current().pid() + " running");
					return held;
				}
				String holder = read(channel);
				String pid = holder.split(" ")[0];
				if (!holder.endsWith(STOPPING)) {
					throw new IllegalStateException("Another devstack (pid " + pid + ") is running on " + dataDirectory
							+ ": stop it first, or start this one with --data-dir and --port");
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("The devstack (pid " + pid + ") on " + dataDirectory
							+ " did not finish stopping within " + stopWait.toSeconds() + " s");
				}
				Thread.sleep(200);
			}
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * Tells a devstack that starts meanwhile to wait rather than fail.
	 */
	void stopping() throws IOException {
		write(ProcessHandle.current().pid() + " " + STOPPING);
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

	private void write(String state) throws IOException {
		this.channel.truncate(0);
		this.channel.write(ByteBuffer.wrap(state.getBytes(StandardCharsets.UTF_8)), 0);
		this.channel.force(false);
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// held by another stack in this JVM, as in the tests
			return null;
		}
	}

	private static String read(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(64);
		channel.read(buffer, 0);
		return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
	}

}
