package io.rackscope.desktop.ui.site;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.HandleMenu;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Subscriptions;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * A site: one card per room with its state, its racks as a strip of small coloured cells, and
 * counts.
 */
public final class SiteView implements PlaceView {
    private final SiteViewModel model;
    private final BorderPane root = new BorderPane();
    private final FlowPane cards = new FlowPane(14, 14);
    private final Subscriptions subscriptions = new Subscriptions();

    public SiteView(SiteViewModel model) {
        this.model = model;
        root.getStyleClass().add("content");
        Label title = new Label(model.title());
        title.getStyleClass().add("title");
        Label where = new Label(model.where());
        where.getStyleClass().add("muted");
        HBox header = new HBox(12, title, where);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 12, 0));
        root.setTop(header);
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
        subscriptions.onInvalidate(model.revisionProperty(), o -> refresh());
        refresh();
    }

    private void refresh() {
        cards.getChildren().clear();
        for (Room room : model.rooms()) {
            cards.getChildren().add(card(room));
        }
    }

    private Node card(Room room) {
        Severity sev = model.state(room);
        Region stripe = Severities.styled(new Region(), sev, "sev-fill", "sev-stripe");
        Label name = new Label(room.name());
        name.getStyleClass().add("subtitle");
        Label badge = Severities.styled(new Label(sev.name()), sev, "sev-badge");
        HBox head = new HBox(8, name, badge);
        head.setAlignment(Pos.CENTER_LEFT);
        TilePane racks = new TilePane(3, 3);
        racks.setPrefColumns(12);
        room.racks()
                .forEach(
                        r -> {
                            Region cell =
                                    Severities.styled(new Region(), model.state(r), "sev-fill");
                            cell.setPrefSize(14, 18);
                            racks.getChildren().add(cell);
                        });
        Label facts = new Label(model.facts(room));
        facts.getStyleClass().add("muted");
        facts.setWrapText(true);
        VBox card = new VBox(8, stripe, head, facts, racks);
        card.setId("room-" + room.key().replace('/', '_'));
        card.getStyleClass().add("card");
        card.setPrefWidth(360);
        card.setOnMouseClicked(
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        model.open(room);
                    }
                });
        HandleMenu.attach(
                card,
                e ->
                        HandleMenu.of(
                                card,
                                model.handling(),
                                "room " + room.name(),
                                new Target(Target.Type.ROOM, room.id()),
                                a -> inRoom(a, room)));
        return card;
    }

    private boolean inRoom(Alert a, Room room) {
        return room.racks().anyMatch(r -> r.key().equals(a.rack()));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        model.dispose();
    }
}
