package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TablesTest {
    @BeforeAll
    static void toolkit() throws Exception {
        io.rackscope.desktop.app.ViewRenderer.startToolkit();
    }

    /** Rows "name=version": a refresh makes new rows of the same names. */
    private static String name(String row) {
        return row.substring(0, row.indexOf('='));
    }

    @Test
    void aRefreshKeepsTheRowsSelectedAndFocusedWhereTheyStillAre() throws Exception {
        List<Object> after =
                FxThread.call(
                        () -> {
                            ObservableList<String> rows =
                                    FXCollections.observableArrayList("a=1", "b=1", "c=1");
                            TableView<String> table = new TableView<>(rows);
                            table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
                            table.getSelectionModel().selectIndices(1, 2);
                            table.getFocusModel().focus(2);
                            Tables.setKeepingSelection(
                                    table,
                                    rows,
                                    List.of("c=2", "d=2", "a=2", "b=2"),
                                    TablesTest::name);
                            Set<String> first =
                                    Set.copyOf(table.getSelectionModel().getSelectedItems());
                            String focused = table.getFocusModel().getFocusedItem();
                            Tables.setKeepingSelection(
                                    table, rows, List.of("a=3", "c=3"), TablesTest::name);
                            return List.of(
                                    first,
                                    focused,
                                    Set.copyOf(table.getSelectionModel().getSelectedItems()));
                        });
        assertEquals(Set.of("b=2", "c=2"), after.get(0), "the same rows, new and moved");
        assertEquals("c=2", after.get(1), "the focus too");
        assertEquals(Set.of("c=3"), after.get(2), "a row gone leaves the selection");
    }
}
