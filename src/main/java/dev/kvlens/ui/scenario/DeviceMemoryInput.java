package dev.kvlens.ui.scenario;

import dev.kvlens.model.engine.InputLimits;
import dev.kvlens.text.Language;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The device memory field (GiB, rules §3.2 total_global_memory): its text (the chosen device's bytes in GiB, two
 * decimals half-even, no trailing zeros), what typing a size does on commit — a size typed for a preset device makes
 * it a custom device of the same backend — and the message when the text is not a size KV Lens takes: above 0 and at
 * most {@link InputLimits#MAX_BYTES} (1 PiB), the limit the command line and the scenario reader apply too.
 */
public final class DeviceMemoryInput extends TypedField {

    private static final BigDecimal BYTES_PER_GIB = BigDecimal.valueOf(1L << 30);
    /** The largest size in GiB: 1 PiB. */
    static final BigDecimal MAX_GIB = BigDecimal.valueOf(InputLimits.MAX_BYTES).divide(BYTES_PER_GIB);

    private final EstimatorViewModel vm;

    DeviceMemoryInput(EstimatorViewModel vm) {
        this.vm = vm;
        vm.deviceProperty().subscribe(this::show);
        vm.customDeviceBytesProperty().subscribe(b -> show(vm.deviceProperty().get()));
        wordRefusal(() -> Language.get("scenario.deviceMemory.invalid", MAX_GIB.toPlainString()));
    }

    /** Takes the text as the device's size when KV Lens takes it; otherwise keeps the device and says why. */
    @Override
    public void commit() {
        DeviceOption current = vm.deviceProperty().get();
        String typed = typed();
        if (!current.custom() && typed.equals(gibText(current.bytes()))) {
            show(typed);
            return; // focus passed through without a change
        }
        long bytes;
        try {
            BigDecimal gib = new BigDecimal(typed);
            bytes = gib.multiply(BYTES_PER_GIB).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            refuse();
            return;
        }
        if (bytes <= 0 || InputLimits.bytes("total_global_memory", bytes).isPresent()) {
            refuse();
            return;
        }
        vm.customDeviceBytesProperty().set(bytes); // before the switch: no estimate sees the old custom size
        if (!current.custom()) {
            vm.customBackendProperty().set(current.backend());
            vm.devices().stream().filter(DeviceOption::custom).findFirst().ifPresent(vm.deviceProperty()::set);
        }
        show(vm.deviceProperty().get());
    }

    private void show(DeviceOption option) {
        if (option != null) {
            show(gibText(option.custom() ? vm.customDeviceBytesProperty().get() : option.bytes()));
        }
    }

    static String gibText(long bytes) {
        return new BigDecimal(bytes).divide(BYTES_PER_GIB, 2, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
