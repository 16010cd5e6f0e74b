package io.rackscope.desktop.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.topology.Face;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CSV forms read: headers in any case, NetBox's bulk-import names, quoting, what is refused.
 */
class ImportRowsTest {
    @Test
    void netBoxBulkImportFieldNamesAndQuotedValuesAreRead() throws IOException {
        ImportRows.Read read =
                ImportRows.netbox(
                        new StringReader(
                                "name,device_type,role,site,location,rack,position,face,status\n"
                                        + "\"gpu-01, A\",\"DGX H100\",GPU,Lyon,\"Salle B\",B-07,20,rear,active\n"),
                        Map.of("DGX H100", "dgx"));
        assertEquals(List.of(), read.problems());
        DeviceRow r = read.rows().get(0);
        assertEquals(
                List.of("lyon", "salle-b", "main", "b-07", "dgx", "gpu-01-a", "gpu-01, A"),
                List.of(r.site(), r.room(), r.aisle(), r.rack(), r.template(), r.id(), r.name()));
        assertEquals(20, r.u());
        assertEquals(Face.REAR, r.face());
        assertEquals(Map.of("DGX H100", 1), read.types());
    }

    @Test
    void aHeaderWithoutTheNeededColumnsIsRefusedByName() throws IOException {
        assertEquals(
                List.of("line 1: the header lacks aisle, template"),
                ImportRows.csv(new StringReader("SITE,Room,rack,u,face,id\nfra1,h,r1,1,front,x\n"))
                        .problems());
        assertEquals(
                List.of("line 2: U 0 is not a whole U from 1"),
                ImportRows.csv(
                                new StringReader(
                                        "site,room,aisle,rack,u,face,template,id\nf,h,a,r,0,front,t,x\n"))
                        .problems());
    }
}
