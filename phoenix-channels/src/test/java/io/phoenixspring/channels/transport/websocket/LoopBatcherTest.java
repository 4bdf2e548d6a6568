package io.phoenixspring.channels.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.phoenixspring.channels.message.Frame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An event loop's outbound queue on its own, with the loop paused at the moments where a wake-up
 * could be lost: whatever is offered while a run is under way leaves without waiting for another offer.
 */
class LoopBatcherTest {

    private final ExecutorService loop = Executors.newSingleThreadExecutor();
    private final LoopBatcher batcher = new LoopBatcher(loop);

    @AfterEach
    void stopLoop() {
        loop.shutdownNow();
    }

    @Test
    void aFrameOfferedWhileTheRunFlushesIsWrittenWithoutAnotherOffer() throws Exception {
        // The run has drained its queue and is flushing: the last moment before it ends.
        PausingTarget target = new PausingTarget(Pause.IN_FIRST_FLUSH);
        batcher.offer(target, Frame.text("1"));
        target.awaitPaused();
        batcher.offer(target, Frame.text("2"));
        target.resume();

        assertThat(target.nextWritten()).isEqualTo("1");
        assertThat(target.nextWritten()).isEqualTo("2");
    }

    @Test
    void aFrameOfferedWhileTheRunWritesIsWrittenInOrder() throws Exception {
        PausingTarget target = new PausingTarget(Pause.IN_FIRST_WRITE);
        batcher.offer(target, Frame.text("1"));
        target.awaitPaused();
        batcher.offer(target, Frame.text("2"));
        batcher.offer(target, Frame.text("3"));
        target.resume();

        assertThat(List.of(target.nextWritten(), target.nextWritten(), target.nextWritten())).containsExactly("1", "2", "3");
    }

    @Test
    void oneTargetFailingDoesNotStopTheOthers() throws Exception {
        PausingTarget healthy = new PausingTarget(Pause.NEVER);
        LoopBatcher.Target failing = new LoopBatcher.Target() {
            @Override
            public void write(Frame frame, LoopBatcher loop) {
                throw new IllegalStateException("broken socket");
            }

            @Override
            public void flush() {
            }
        };
        batcher.offer(healthy, Frame.text("1"));
        batcher.offer(failing, Frame.text("x"));
        batcher.offer(healthy, Frame.text("2"));

        assertThat(List.of(healthy.nextWritten(), healthy.nextWritten())).containsExactly("1", "2");
    }

    @Test
    void aLargeEncodingIsReleasedWhenTheRunEndsAndASmallOneIsKeptForTheNext() throws Exception {
        List<ByteBuf> encodings = new CopyOnWriteArrayList<>();
        CountDownLatch written = new CountDownLatch(2);
        LoopBatcher.Target encoding = new LoopBatcher.Target() {
            @Override
            public void write(Frame frame, LoopBatcher loop) {
                encodings.add(loop.wire(frame));
                written.countDown();
            }

            @Override
            public void flush() {
            }
        };
        batcher.offer(encoding, Frame.text("x".repeat(LoopBatcher.RETAINED_ENCODING_LIMIT + 1)));
        batcher.offer(encoding, Frame.text("small"));
        assertThat(written.await(2, TimeUnit.SECONDS)).isTrue();
        loop.submit(() -> { }).get(2, TimeUnit.SECONDS);
        // The large one was replaced by the small one within the run; the small one is kept.
        assertThat(encodings.get(0).refCnt()).isZero();
        assertThat(encodings.get(1).refCnt()).isEqualTo(1);

        batcher.offer(encoding, Frame.text("y".repeat(LoopBatcher.RETAINED_ENCODING_LIMIT + 1)));
        loop.submit(() -> { }).get(2, TimeUnit.SECONDS);
        assertThat(encodings.get(1).refCnt()).isZero();
        assertThat(encodings.get(2).refCnt()).as("a large encoding after the run").isZero();
    }

    @Test
    void closingGivesBackTheSmallEncodingTheLoopKeptForItsNextRun() throws Exception {
        List<ByteBuf> encodings = new CopyOnWriteArrayList<>();
        CountDownLatch written = new CountDownLatch(2);
        LoopBatcher.Target encoding = new LoopBatcher.Target() {
            @Override
            public void write(Frame frame, LoopBatcher loop) {
                encodings.add(loop.wire(frame));
                encodings.add(loop.payload(frame));
                written.countDown();
            }

            @Override
            public void flush() {
            }
        };
        batcher.offer(encoding, Frame.text("small"));
        batcher.offer(encoding, Frame.text("small too"));
        assertThat(written.await(2, TimeUnit.SECONDS)).isTrue();
        loop.submit(() -> { }).get(2, TimeUnit.SECONDS);
        assertThat(encodings.get(2).refCnt()).as("kept for the next run").isEqualTo(1);
        assertThat(encodings.get(3).refCnt()).isEqualTo(1);

        batcher.close();
        loop.submit(() -> { }).get(2, TimeUnit.SECONDS);
        // Unreleased, they would be reported by Netty's leak detector once the transport is gone.
        assertThat(encodings).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
    }

    private enum Pause { NEVER, IN_FIRST_WRITE, IN_FIRST_FLUSH }

    /** Records what the loop writes; pauses the loop once, where asked, until the test resumes it. */
    private static final class PausingTarget implements LoopBatcher.Target {
        private final Pause pause;
        private final CountDownLatch paused = new CountDownLatch(1);
        private final CountDownLatch resumed = new CountDownLatch(1);
        private final LinkedBlockingQueue<String> written = new LinkedBlockingQueue<>();
        private boolean pausedOnce;

        PausingTarget(Pause pause) {
            this.pause = pause;
        }

        @Override
        public void write(Frame frame, LoopBatcher loop) {
            written.add(new String(frame.bytes(), java.nio.charset.StandardCharsets.UTF_8));
            loop.needsFlush(this);
            if (pause == Pause.IN_FIRST_WRITE) {
                pauseOnce();
            }
        }

        @Override
        public void flush() {
            if (pause == Pause.IN_FIRST_FLUSH) {
                pauseOnce();
            }
        }

        private void pauseOnce() {
            if (pausedOnce) {
                return;
            }
            pausedOnce = true;
            paused.countDown();
            try {
                resumed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitPaused() throws InterruptedException {
            assertThat(paused.await(2, TimeUnit.SECONDS)).as("the loop reached the pause").isTrue();
        }

        void resume() {
            resumed.countDown();
        }

        String nextWritten() throws InterruptedException {
            String frame = written.poll(2, TimeUnit.SECONDS);
            assertThat(frame).as("a frame written within 2 s").isNotNull();
            return frame;
        }
    }
}
