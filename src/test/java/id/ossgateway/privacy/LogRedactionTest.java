package id.ossgateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Personal data is masked in log text; the ids operators need are left alone. */
class LogRedactionTest {

    @Test
    void nikPhoneNumbersAndEmailAddressesAreMasked() {
        assertThat(PersonalData.redact("duplicate key (nik)=(3201234567890123) for siti.rahma@contoh.co.id, hp 081234567890"))
                .isEqualTo("duplicate key (nik)=([nik]) for [email], hp [phone]");
        assertThat(PersonalData.redact("+6281234567890 / 62 812-3456-789 / 0812 3456 7890"))
                .isEqualTo("[phone] / [phone] / [phone]");
    }

    @Test
    void idsTimesAndOtherNumbersAreLeftAlone() {
        String line = "delivered message=b202275f-6ce3-383c-ae1b-28935d02bd21 id_izin=DPM-2026-00006 "
                + "nip=198001012005011001 nib=9120301234567 at 2026-11-02T10:00:00.123+08:00 latency=26ms port 61616";
        assertThat(PersonalData.redact(line)).isEqualTo(line);
        assertThat(PersonalData.redact(null)).isNull();
    }
}
