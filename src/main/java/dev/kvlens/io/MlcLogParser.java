package dev.kvlens.io;

import dev.kvlens.text.Phrases;
import dev.kvlens.text.Phrase;
import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.mlc.PrintedLog;
import dev.kvlens.model.RuleSet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code mlc_llm compile}, {@code serve} or {@code chat} printed — any era of rules §1.2–§1.3 and
 * §3.6, with or without timestamp and path prefixes, ANSI colours, CRLF — into a {@link PrintedLog}. Lines it
 * does not recognize are skipped; lines that look like MLC's but do not parse become warnings.
 */
public final class MlcLogParser {

    private static final String NUM = "(\\d{1,15}(?:\\.\\d{1,6})?)";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]|\u001B\\][^\u0007\u001B]{0,400}(?:\u0007|\u001B\\\\)?");

    private static final Pattern WITHOUT_KV = Pattern.compile(
            "Total memory usage without KV cache(::?) " + NUM + " MB \\(Parameters: " + NUM
                    + " MB\\. Temporary buffer: " + NUM + " MB\\)");
    private static final Pattern WITH_KV = Pattern.compile("Total memory usage: " + NUM + " MB \\(Parameters: " + NUM
            + " MB\\. KVCache: " + NUM + " MB\\. Temporary buffer: " + NUM + " MB\\)");
    private static final Pattern PER_TOKEN = Pattern.compile("KV cache size: " + NUM + " MB per token");
    private static final Pattern FUNCTION = Pattern.compile("\\[Memory usage\\] Function `([^`]{1,200})`: " + NUM + " MB");
    private static final Pattern LEGACY_PARAMS = Pattern.compile("Parameters? size: " + NUM + " MB");
    private static final Pattern LEGACY_TEMP = Pattern.compile("Temporary buffer size: " + NUM + " MB");
    private static final Pattern LEGACY_KV = Pattern.compile("KVCache size when [^:]{0,80}: " + NUM + " MB");
    private static final Pattern REGISTERING = Pattern.compile("Registering metadata: (\\{.*)");

    private static final Pattern DATED = Pattern.compile("\\[(\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2}:\\d{2}]");
    private static final Pattern CONFIG_CC = Pattern.compile("config\\.cc:(\\d{1,5}):");
    private static final Pattern UNDER_MODE = Pattern.compile("Under mode \"(local|interactive|server)\", (.*)");
    private static final Pattern BATCH = Pattern.compile("max batch size (?:(will be set to|is set to) (\\d+)|(\\d+) is specified by user)");
    private static final Pattern CAPACITY = Pattern.compile(
            "max (?:KV cache|RNN state) token capacity (?:(will be set to|is set to) (\\d+)|(\\d+) is specified by user)");
    private static final Pattern PREFILL = Pattern.compile("prefill chunk size (?:(will be set to|is set to) (\\d+)|(\\d+) is specified by user)");
    private static final Pattern ACTUAL = Pattern.compile("The actual engine mode is \"(local|interactive|server)\"");
    private static final Pattern ESTIMATED = Pattern.compile("Estimated total single GPU memory usage: " + NUM
            + " MB \\(Parameters: " + NUM + " MB\\. (?:KVCache|RNN state): " + NUM + " MB\\. Temporary buffer: " + NUM + " MB\\)");
    private static final Pattern INSUFFICIENT = Pattern.compile("Insufficient GPU memory error: The available single GPU memory is "
            + NUM + " MB, which is less than the sum of model weight size \\(" + NUM + " MB\\) and temporary buffer size \\("
            + NUM + " MB\\)");
    private static final Pattern ERA_C_ERROR = Pattern.compile(
            "The model weight size ([0-9.e+]{1,40}) may be larger than available GPU memory size ([0-9.e+]{1,40}) bytes");

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

    private MlcLogParser() {
    }

    /** Parses log text. Never throws for odd input: unknown lines are skipped. */
    public static PrintedLog parse(String text) {
        return new State().read(text);
    }

    /** The accumulated content while reading lines in order. */
    private static final class State {
        private final List<Phrase> warnings = new ArrayList<>();
        private CompileReport.Era era;
        private BigDecimal params;
        private BigDecimal temp;
        private BigDecimal kv;
        private BigDecimal perToken;
        private final Map<String, BigDecimal> functions = new LinkedHashMap<>();
        private PrintedLog.RegisteredMetadata metadata = PrintedLog.RegisteredMetadata.NONE;
        private final Map<EngineMode, PrintedLog.ModeLine> modes = new EnumMap<>(EngineMode.class);
        private RuleSet.Wording wording;
        private EngineMode actual;
        private PrintedLog.Memory estimated;
        private PrintedLog.Failure failure;
        private int configLine = -1;
        private java.time.LocalDate loggedOn;

        PrintedLog read(String text) {
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            int start = 0;
            int length = body.length();
            while (start < length) { // one pass, no array of lines: a 16 MiB log of blank lines reads in linear time
                int end = start;
                while (end < length && body.charAt(end) != '\n' && body.charAt(end) != '\r') {
                    end++;
                }
                int from = start;
                start = end < length && body.charAt(end) == '\r' && end + 1 < length && body.charAt(end + 1) == '\n'
                        ? end + 2 : end + 1;
                if (end == from || end - from > 20_000) {
                    continue;
                }
                String raw = body.substring(from, end);
                if (raw.isBlank()) {
                    continue;
                }
                String line = raw.indexOf('\u001B') >= 0 ? ANSI.matcher(raw).replaceAll("") : raw;
                noteDate(line);
                if (!mayBeMlc(line)) {
                    continue;
                }
                try {
                    readLine(line);
                } catch (RuntimeException e) {
                    if (warnings.size() < 20) {
                        warnings.add(Phrase.of("io.log.couldNotRead", abbreviate(line), Phrases.of(e)));
                    }
                }
            }
            return result();
        }

        /** Keeps the earliest {@code [YYYY-MM-DD hh:mm:ss]} prefix (MLC's Python log format, rules §1.2). */
        private void noteDate(String line) {
            Matcher m;
            if (line.length() > 20 && line.charAt(0) == '[' && (m = DATED.matcher(line)).lookingAt()) {
                try {
                    java.time.LocalDate date = java.time.LocalDate.parse(m.group(1));
                    loggedOn = loggedOn == null || date.isBefore(loggedOn) ? date : loggedOn;
                } catch (java.time.DateTimeException e) {
                    // not a calendar date: not MLC's prefix
                }
            }
        }

        /** A cheap test before the patterns: every line MLC prints that KV Lens reads has one of these words. */
        private static boolean mayBeMlc(String line) {
            return line.contains(" MB") || line.contains("Under mode") || line.contains("Registering metadata")
                    || line.contains("actual engine mode") || line.contains("may be larger than");
        }

        private void readLine(String line) {
            Matcher m;
            if ((m = WITHOUT_KV.matcher(line)).find()) {
                era = "::".equals(m.group(1)) ? CompileReport.Era.E2024_05 : CompileReport.Era.E2025;
                params = num(m.group(3));
                temp = num(m.group(4));
            } else if ((m = WITH_KV.matcher(line)).find()) {
                params = num(m.group(2));
                kv = num(m.group(3));
                temp = num(m.group(4));
                era = kv.signum() == 0 ? CompileReport.Era.E2024_03 : CompileReport.Era.E2024_01;
            } else if ((m = PER_TOKEN.matcher(line)).find()) {
                perToken = num(m.group(1));
                era = CompileReport.Era.E2025;
            } else if ((m = FUNCTION.matcher(line)).find()) {
                if (functions.size() < 10_000) {
                    functions.put(m.group(1), num(m.group(2)));
                }
            } else if ((m = REGISTERING.matcher(line)).find()) {
                metadata = registered(m.group(1));
            } else if ((m = UNDER_MODE.matcher(line)).find()) {
                Matcher at = CONFIG_CC.matcher(line.substring(0, m.start()));
                if (configLine < 0 && at.find()) {
                    configLine = Integer.parseInt(at.group(1));
                }
                modeLine(EngineMode.fromMlcName(m.group(1)), m.group(2));
            } else if ((m = ACTUAL.matcher(line)).find()) {
                actual = EngineMode.fromMlcName(m.group(1));
            } else if ((m = ESTIMATED.matcher(line)).find()) {
                estimated = new PrintedLog.Memory(num(m.group(1)), num(m.group(2)), num(m.group(3)), num(m.group(4)));
            } else if ((m = INSUFFICIENT.matcher(line)).find()) {
                failure = new PrintedLog.Failure(num(m.group(1)), num(m.group(2)), num(m.group(3)),
                        line.substring(m.start()).strip());
                wording = RuleSet.Wording.CPP_WILL_BE_SET;
            } else if ((m = ERA_C_ERROR.matcher(line)).find()) {
                BigDecimal paramsBytes = new BigDecimal(m.group(1));
                BigDecimal available = new BigDecimal(m.group(2));
                failure = new PrintedLog.Failure(available.divide(MIB, MathContext.DECIMAL64),
                        paramsBytes.divide(MIB, MathContext.DECIMAL64), BigDecimal.ZERO, line.substring(m.start()).strip());
                wording = RuleSet.Wording.PYTHON_IS_SET;
            } else {
                legacyLine(line);
            }
        }

        private void legacyLine(String line) {
            Matcher m;
            if ((m = LEGACY_PARAMS.matcher(line)).find()) {
                params = num(m.group(1));
                era = era == null ? CompileReport.Era.E2024_01 : era;
            } else if ((m = LEGACY_TEMP.matcher(line)).find()) {
                temp = num(m.group(1));
                era = era == null ? CompileReport.Era.E2024_01 : era;
            } else if ((m = LEGACY_KV.matcher(line)).find()) {
                kv = num(m.group(1));
                era = era == null ? CompileReport.Era.E2024_01 : era;
            }
        }

        private void modeLine(EngineMode mode, String rest) {
            Matcher batch = BATCH.matcher(rest);
            Matcher capacity = CAPACITY.matcher(rest);
            Matcher prefill = PREFILL.matcher(rest);
            if (!batch.find() || !capacity.find() || !prefill.find()) {
                throw new IllegalArgumentException("an \"Under mode\" line without batch, capacity and prefill");
            }
            for (Matcher piece : List.of(batch, capacity, prefill)) {
                if (piece.group(1) != null) {
                    wording = piece.group(1).startsWith("is") ? RuleSet.Wording.PYTHON_IS_SET : RuleSet.Wording.CPP_WILL_BE_SET;
                }
            }
            modes.put(mode, new PrintedLog.ModeLine(mode, count(batch), batch.group(3) != null, count(capacity),
                    capacity.group(3) != null, count(prefill), prefill.group(3) != null));
        }

        /** A printed count: MLC prints these from int; anything beyond int is refused, never truncated. */
        private static long count(Matcher m) {
            String digits = m.group(2) != null ? m.group(2) : m.group(3);
            if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the number " + (digits.length() > 20 ? digits.substring(0, 20) + "…"
                        : digits) + " is larger than " + Integer.MAX_VALUE + ", which MLC never prints");
            }
            return Long.parseLong(digits);
        }

        private PrintedLog.RegisteredMetadata registered(String literal) {
            if (!(PythonLiteral.parse(literal) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("Registering metadata is not a dict");
            }
            return new PrintedLog.RegisteredMetadata(string(map, "model_type"), string(map, "quantization"),
                    integer(map, "context_window_size"), integer(map, "sliding_window_size"),
                    integer(map, "prefill_chunk_size"), integer(map, "max_batch_size"),
                    integer(map, "tensor_parallel_shards"), integer(map, "pipeline_parallel_stages"));
        }

        private static Optional<String> string(Map<?, ?> map, String key) {
            return map.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
        }

        private static OptionalInt integer(Map<?, ?> map, String key) {
            if (map.get(key) instanceof BigDecimal number) {
                try {
                    return OptionalInt.of(number.intValueExact());
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException(key + " is not a whole number in int range");
                }
            }
            return OptionalInt.empty();
        }

        private PrintedLog result() {
            Optional<PrintedLog.Compile> compile = Optional.empty();
            if (era != null || !functions.isEmpty() || !metadata.isEmpty()) {
                compile = Optional.of(new PrintedLog.Compile(era == null ? CompileReport.Era.E2025 : era,
                        Optional.ofNullable(params), Optional.ofNullable(temp), Optional.ofNullable(kv),
                        Optional.ofNullable(perToken), functions, metadata));
            }
            Optional<PrintedLog.Runtime> runtime = Optional.empty();
            if (!modes.isEmpty() || actual != null || estimated != null || failure != null) {
                runtime = Optional.of(new PrintedLog.Runtime(
                        wording == null ? RuleSet.Wording.CPP_WILL_BE_SET : wording, modes,
                        Optional.ofNullable(actual), Optional.ofNullable(estimated), Optional.ofNullable(failure),
                        configLine < 0 ? OptionalInt.empty() : OptionalInt.of(configLine)));
            }
            return new PrintedLog(compile, runtime, warnings, Optional.ofNullable(loggedOn));
        }

        private static BigDecimal num(String text) {
            return new BigDecimal(text);
        }

        private static String abbreviate(String line) {
            String s = dev.kvlens.text.UserText.escape(line.strip());
            return s.length() > 80 ? s.substring(0, 80) + "…" : s;
        }
    }
}
